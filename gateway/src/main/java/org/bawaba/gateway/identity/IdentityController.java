package org.bawaba.gateway.identity;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the bearer token says the caller is. Handled by the gateway itself,
 * ahead of the routes to the services.
 */
@RestController
class IdentityController {

	private static final String ROLE_PREFIX = "ROLE_";

	@GetMapping("/api/me")
	Mono<Identity> me(JwtAuthenticationToken authentication) {
		return Mono.just(identity(authentication));
	}

	/** Claims from the token; roles from the authorities the gateway granted (realm roles). */
	static Identity identity(JwtAuthenticationToken authentication) {
		Jwt jwt = authentication.getToken();
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()))
			.toList();
		return new Identity(jwt.getSubject(), claim(jwt, "preferred_username"), claim(jwt, "name"),
				claim(jwt, "national_id"), roles, claim(jwt, "agency"), claim(jwt, "locale"));
	}

	/** A single-valued claim; Keycloak may emit a user attribute as a one-element list. */
	private static String claim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		if (value instanceof Collection<?> values) {
			value = values.isEmpty() ? null : values.iterator().next();
		}
		return value != null ? value.toString() : null;
	}

}
