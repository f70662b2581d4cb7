package org.bawaba.eservices;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak's JWKS endpoint and tokens like the realm's demo users' (the platform's own
 * helper lives in its test tree, which is not shipped).
 */
public final class TestTokens {

	private static final RSAKey KEY = key();

	public static final String ISSUER = serveKeys();

	private TestTokens() {
	}

	public static String citizen(String subject) {
		return "Bearer " + token(subject, null, "en", "citizen");
	}

	public static String arabicCitizen(String subject) {
		return "Bearer " + token(subject, null, "ar", "citizen");
	}

	public static String staff(String subject, String agency) {
		return "Bearer " + token(subject, agency, "en", "agency-staff");
	}

	public static String admin(String subject, String agency) {
		return "Bearer " + token(subject, agency, "en", "agency-staff", "agency-admin");
	}

	public static String platformAdmin() {
		return "Bearer " + token("platform-admin", null, "en", "platform-admin");
	}

	private static String token(String subject, String agency, String locale, String... roles) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.claim("preferred_username", subject)
			.claim("locale", locale)
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 600_000));
		if (agency != null) {
			claims.claim("agency", agency);
		}
		else {
			claims.claim("national_id", "28463400001");
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String serveKeys() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/realms/bawaba/protocol/openid-connect/certs", exchange -> {
				byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bawaba";
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
