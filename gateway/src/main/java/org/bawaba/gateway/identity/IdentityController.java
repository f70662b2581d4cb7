package org.bawaba.gateway.identity;

import java.util.Collection;

import org.bawaba.gateway.security.RealmRoles;
import org.bawaba.gateway.session.SessionAccessTokens;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/me}: who the caller is, from the bearer token or, for a browser signed in at the
 * gateway, from its session's access token (the one relayed to the services). Handled by the
 * gateway itself, ahead of the routes to the services.
 */
@RestController
class IdentityController {

	private final SessionAccessTokens sessionTokens;

	IdentityController(SessionAccessTokens sessionTokens) {
		this.sessionTokens = sessionTokens;
	}

	@GetMapping("/api/me")
	Mono<Identity> me(Authentication authentication, ServerWebExchange exchange) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return Mono.just(identity(token.getToken()));
		}
		if (authentication instanceof OAuth2AuthenticationToken session) {
			return this.sessionTokens.of(session, exchange).map(IdentityController::identity);
		}
		return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED));
	}

	/** Claims from the token; roles are its realm roles, as the gateway grants them. */
	static Identity identity(Jwt jwt) {
		return new Identity(jwt.getSubject(), claim(jwt, "preferred_username"), claim(jwt, "name"),
				claim(jwt, "national_id"), RealmRoles.of(jwt), claim(jwt, "agency"), claim(jwt, "locale"));
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
