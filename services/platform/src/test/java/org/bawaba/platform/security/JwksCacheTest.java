package org.bawaba.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Signing keys are cached: issued tokens keep working while Keycloak restarts; wrong issuers fail. */
class JwksCacheTest {

	@Test
	void tokensStayValidWhileTheJwksEndpointIsDown() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		AtomicInteger fetches = new AtomicInteger();
		HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		keycloak.createContext("/realms/bawaba/protocol/openid-connect/certs", exchange -> {
			fetches.incrementAndGet();
			byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		keycloak.start();
		String issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/bawaba";
		JwtDecoder decoder = new PlatformSecurityAutoConfiguration()
			.bawabaJwtDecoder(new PlatformSecurityProperties(issuer, null, null, List.of()));
		String token = sign(key, issuer);

		assertThat(fetches.get()).as("no fetch at start-up").isZero();
		Jwt first = decoder.decode(token);
		assertThat(first.getSubject()).isEqualTo("sub-1");

		keycloak.stop(0);
		Jwt again = decoder.decode(token);
		assertThat(again.getClaimAsString("national_id")).isEqualTo("28400000000");
		assertThat(fetches.get()).isEqualTo(1);

		assertThatThrownBy(() -> decoder.decode(sign(key, "http://evil.example/realms/bawaba")))
			.isInstanceOf(JwtException.class);
	}

	@Test
	void aTokenForAnotherAudienceOfTheRealmIsRefused() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		keycloak.createContext("/realms/bawaba/protocol/openid-connect/certs", exchange -> {
			byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		keycloak.start();
		try {
			String issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/bawaba";
			JwtDecoder decoder = new PlatformSecurityAutoConfiguration()
				.bawabaJwtDecoder(new PlatformSecurityProperties(issuer, null, "bawaba-api", List.of()));
			assertThat(decoder.decode(sign(key, issuer, List.of("bawaba-api", "account"))).getSubject()).isEqualTo("sub-1");
			assertThatThrownBy(() -> decoder.decode(sign(key, issuer, List.of("account"))))
				.isInstanceOf(JwtException.class);
			assertThatThrownBy(() -> decoder.decode(sign(key, issuer, List.of()))).isInstanceOf(JwtException.class);
		}
		finally {
			keycloak.stop(0);
		}
	}

	private static String sign(RSAKey key, String issuer) throws Exception {
		return sign(key, issuer, List.of("bawaba-api"));
	}

	private static String sign(RSAKey key, String issuer, List<String> audience) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("sub-1")
			.audience(audience)
			.issuer(issuer)
			.claim("national_id", "28400000000")
			.claim("realm_access", Map.of("roles", List.of("citizen")))
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 60_000))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
