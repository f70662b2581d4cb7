package org.bawaba.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** Realm roles become {@code ROLE_<role>}, scopes {@code SCOPE_<scope>}; the principal name is {@code sub}. */
class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		Caller.realmRoles(jwt.getClaims()).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		Collection<GrantedAuthority> scopeAuthorities = scopes.convert(jwt);
		if (scopeAuthorities != null) {
			authorities.addAll(scopeAuthorities);
		}
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

}
