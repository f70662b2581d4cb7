package org.bawaba.platform.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bawaba.security.*}.
 *
 * @param issuerUri the realm, checked against {@code iss}
 *        (default {@code ${KEYCLOAK_ISSUER_URI:http://localhost:8180/realms/bawaba}})
 * @param jwkSetUri where the signing keys are fetched (default {@code <issuer>/protocol/openid-connect/certs});
 *        fetched lazily and cached, so a service starts without Keycloak and keeps accepting issued tokens
 *        while Keycloak restarts
 * @param audience when set, tokens must carry it in {@code aud}
 * @param publicPaths Ant patterns open without a token (actuator health, info and prometheus are always open)
 */
@ConfigurationProperties("bawaba.security")
public record PlatformSecurityProperties(@DefaultValue("http://localhost:8180/realms/bawaba") String issuerUri,
		@Nullable String jwkSetUri, @Nullable String audience, @DefaultValue List<String> publicPaths) {

	public String effectiveJwkSetUri() {
		return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuerUri + "/protocol/openid-connect/certs";
	}

}
