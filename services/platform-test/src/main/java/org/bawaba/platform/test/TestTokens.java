package org.bawaba.platform.test;

import java.time.Duration;
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

/**
 * A stand-in for Keycloak's JWKS endpoint (a loopback server with a locally generated RSA key) and access
 * tokens shaped like the realm {@code bawaba}'s: {@code sub}, {@code realm_access.roles}, {@code agency},
 * {@code national_id}, {@code locale}. Point {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (or the platform's {@code KEYCLOAK_ISSUER_URI}) at {@link #issuer()}.
 */
public final class TestTokens {

	/** The national id put in citizens' tokens unless a test gives its own. */
	public static final String NATIONAL_ID = "28463400001";

	/** The audience of the platform's APIs ({@code bawaba.security.audience}). */
	public static final String AUDIENCE = "bawaba-api";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey FORGER = generate("test-key");

	private static String issuer;

	private TestTokens() {
	}

	/** The issuer URI whose JWKS the loopback server answers (started on first use). */
	public static synchronized String issuer() {
		if (issuer == null) {
			TestHttpServer server = TestHttpServer.create()
				.answer("/realms/bawaba/protocol/openid-connect/certs",
						exchange -> new TestHttpServer.Answer(200, "application/json",
								new JWKSet(KEY.toPublicJWK()).toString()))
				.start();
			issuer = server.baseUrl() + "/realms/bawaba";
		}
		return issuer;
	}

	/** A signed access token, valid for ten minutes; {@code agency}, {@code nationalId} may be null. */
	public static String token(String subject, String agency, String nationalId, String locale, String... roles) {
		return sign(KEY, claims(subject, agency, nationalId, locale, Duration.ofMinutes(10), roles));
	}

	/** {@code Authorization} header of a citizen with the default national id, in English. */
	public static String citizen(String subject) {
		return citizen(subject, NATIONAL_ID);
	}

	public static String citizen(String subject, String nationalId) {
		return "Bearer " + token(subject, null, nationalId, "en", "citizen");
	}

	public static String arabicCitizen(String subject) {
		return "Bearer " + token(subject, null, NATIONAL_ID, "ar", "citizen");
	}

	public static String supplier(String subject) {
		return "Bearer " + token(subject, null, null, "en", "supplier");
	}

	public static String staff(String subject, String agency) {
		return "Bearer " + token(subject, agency, null, "en", "agency-staff");
	}

	public static String admin(String subject, String agency) {
		return "Bearer " + token(subject, agency, null, "en", "agency-staff", "agency-admin");
	}

	public static String platformAdmin() {
		return "Bearer " + token("platform-admin", null, null, "en", "platform-admin");
	}

	/** A citizen's token that expired a minute ago (beyond any sensible clock skew). */
	public static String expired(String subject) {
		return "Bearer " + sign(KEY, claims(subject, null, NATIONAL_ID, "en", Duration.ofMinutes(-1), "citizen"));
	}

	/** A citizen's token signed by another key with the same key id: what a forger would send. */
	public static String forged(String subject) {
		return "Bearer " + sign(FORGER, claims(subject, null, NATIONAL_ID, "en", Duration.ofMinutes(10), "citizen"));
	}

	/** A citizen's token, signed by the realm's key, but issued for another audience (another client's API). */
	public static String otherAudience(String subject) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, null, NATIONAL_ID, "en", Duration.ofMinutes(10), "citizen"))
			.audience(List.of("account", "some-other-api"))
			.build();
		return "Bearer " + sign(KEY, claims);
	}

	private static JWTClaimsSet claims(String subject, String agency, String nationalId, String locale,
			Duration validFor, String... roles) {
		Date now = new Date();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer())
			// what the realm's audience mappers add to every token for the platform's APIs
			.audience(List.of(AUDIENCE, "account"))
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.claim("preferred_username", subject)
			.claim("locale", locale)
			.issueTime(validFor.isNegative() ? new Date(now.getTime() + validFor.toMillis() * 10) : now)
			.expirationTime(new Date(now.getTime() + validFor.toMillis()));
		if (agency != null) {
			claims.claim("agency", agency);
		}
		if (nationalId != null) {
			claims.claim("national_id", nationalId);
		}
		return claims.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
