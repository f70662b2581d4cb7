package org.bawaba.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakJwtConverterTest {

	@Test
	void realmRolesAndScopesBecomeAuthoritiesAndSubIsTheName() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("f3b1")
			.claim("realm_access", Map.of("roles", List.of("citizen", "supplier")))
			.claim("scope", "openid profile")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		var token = new KeycloakJwtConverter().convert(jwt);
		assertThat(token.getName()).isEqualTo("f3b1");
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_citizen", "ROLE_supplier", "SCOPE_openid", "SCOPE_profile");
	}

	@Test
	void aTokenWithoutRolesHasNone() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").build();
		assertThat(Caller.from(jwt).roles()).isEmpty();
		assertThat(Caller.from(jwt).locale()).isNull();
	}

}
