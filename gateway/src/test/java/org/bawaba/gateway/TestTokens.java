package org.bawaba.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens signed like Keycloak signs them (RS256, with a key id), for the audience the gateway
 * requires ({@code bawaba-api}, given by the realm's audience mappers; a person's token also names
 * Keycloak's {@code account}). The gateway under test trusts {@link #SIGN_ON}'s public key, served
 * as a JWKS by {@link TestBackends}.
 */
public final class TestTokens {

	static final String ISSUER = "http://sign-on.test/realms/bawaba";

	/** The audience the gateway requires ({@code bawaba.security.audience}). */
	static final String AUDIENCE = "bawaba-api";

	private static final String KEY_ID = "bawaba-test-key";

	/** The key the gateway trusts. */
	public static final RSAKey SIGN_ON = generate();

	/** Another key with the same key id: what a forger would use. */
	public static final RSAKey FORGER = generate();

	private TestTokens() {
	}

	static String jwks() {
		return new JWKSet(SIGN_ON.toPublicJWK()).toString();
	}

	/** A valid citizen's token, five minutes to live. */
	static JWTClaimsSet.Builder citizen() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE, "account"))
			.subject("3f1c9a52-7e0b-4d1e-9c55-2a4b6f0e8d11")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("preferred_username", "amina")
			.claim("name", "Amina Al-Sayed")
			.claim("national_id", "28412345678")
			.claim("locale", "ar")
			.claim("realm_access", Map.of("roles", List.of("citizen", "offline_access")));
	}

	/** A valid token of a person with this subject, signed in through the command-line client. */
	static JWTClaimsSet.Builder person(String subject) {
		return citizen().subject(subject).claim("azp", "bawaba-cli");
	}

	/**
	 * A valid token of an onboarded agency's system: a service account of the agency's own
	 * confidential client, with the {@code agency} claim.
	 */
	static JWTClaimsSet.Builder agencyClient(String clientId, String agency) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject("service-account-" + clientId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("azp", clientId)
			.claim("client_id", clientId)
			.claim("preferred_username", "service-account-" + clientId)
			.claim("agency", agency)
			.claim("realm_access", Map.of("roles", List.of("agency-client")));
	}

	static String sign(JWTClaimsSet.Builder claims) {
		return sign(claims, SIGN_ON);
	}

	public static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build(),
					claims.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
