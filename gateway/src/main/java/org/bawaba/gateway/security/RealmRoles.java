package org.bawaba.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak realm roles ({@code realm_access.roles}) as authorities {@code ROLE_<role>}.
 */
public final class RealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** The realm roles of a token, empty when the claim is missing or malformed. */
	public static List<String> of(Jwt jwt) {
		Object realmAccess = jwt.getClaims().get("realm_access");
		if (!(realmAccess instanceof Map<?, ?> map) || !(map.get("roles") instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		return of(jwt).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

}
