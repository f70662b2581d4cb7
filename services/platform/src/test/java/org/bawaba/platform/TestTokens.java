package org.bawaba.platform;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A stand-in for Keycloak's JWKS endpoint with a locally generated RSA key, and tokens signed by it. */
public final class TestTokens {

	private static TestTokens instance;

	private final RSAKey key;

	private final String issuer;

	private TestTokens() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		TestHttpServer server = TestHttpServer.create()
			.answer("/realms/bawaba/protocol/openid-connect/certs",
					exchange -> new TestHttpServer.Answer(200, "application/json", new JWKSet(key.toPublicJWK()).toString()))
			.start();
		issuer = server.baseUrl() + "/realms/bawaba";
	}

	public static synchronized TestTokens get() {
		if (instance == null) {
			try {
				instance = new TestTokens();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return instance;
	}

	public String issuer() {
		return issuer;
	}

	/** A signed access token like Keycloak's for realm {@code bawaba}. */
	public String token(String subject, String agency, String... roles) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.claim("preferred_username", subject)
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 300_000));
		if (agency != null) {
			claims.claim("agency", agency);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
