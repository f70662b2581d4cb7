package org.bawaba.registry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP Basic credentials of a registry client are a Keycloak client's id and secret: the registry
 * asks Keycloak for a client-credentials token with them, and a token means they are right. The
 * client's realm roles (from that token, which the registry received from Keycloak itself) become
 * its authorities. A verified pair is remembered (as a SHA-256 digest, never the secret) for
 * {@code verifiedFor}, then checked again; while Keycloak cannot be reached, a pair verified
 * before stays accepted, so renewals go on through a Keycloak restart. A pair Keycloak refuses is
 * forgotten at once (a rotated or disabled client).
 */
class ClientCredentials implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ClientCredentials.class);

	private final RestClient keycloak;

	private final String tokenUri;

	private final Duration verifiedFor;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	ClientCredentials(RestClient.Builder http, String tokenUri, Duration verifiedFor, Clock clock) {
		this.keycloak = http.build();
		this.tokenUri = tokenUri;
		this.verifiedFor = verifiedFor;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String clientId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (clientId == null || clientId.isBlank() || !(credentials instanceof String secret) || secret.isEmpty()) {
			throw new BadCredentialsException("client id and secret required");
		}
		String digest = digest(clientId, secret);
		Verified known = verified.get(digest);
		Instant now = clock.instant();
		if (known != null && known.at().plus(verifiedFor).isAfter(now)) {
			return authenticated(clientId, known.client());
		}
		try {
			RegistryClient client = askKeycloak(clientId, secret);
			verified.put(digest, new Verified(now, client));
			return authenticated(clientId, client);
		}
		catch (KeycloakUnavailable ex) {
			if (known != null) {
				log.warn("Keycloak unreachable ({}); accepting {}'s credentials verified at {}", ex.getMessage(), clientId,
						known.at());
				return authenticated(clientId, known.client());
			}
			throw new AuthenticationServiceException("Keycloak cannot verify the credentials now", ex);
		}
		catch (BadCredentialsException ex) {
			verified.remove(digest);
			throw ex;
		}
	}

	private RegistryClient askKeycloak(String clientId, String secret) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("grant_type", "client_credentials");
		String basic = Base64.getEncoder()
			.encodeToString((urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
		try {
			return keycloak.post()
				.uri(tokenUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("Authorization", "Basic " + basic)
				.body(form)
				.exchange((request, response) -> {
					HttpStatusCode status = response.getStatusCode();
					if (status.is2xxSuccessful()) {
						return client(clientId, json.readTree(response.getBody()).path("access_token").asString(""));
					}
					if (status.is4xxClientError()) {
						throw new BadCredentialsException("Keycloak refused the client's credentials (" + status.value() + ")");
					}
					throw new KeycloakUnavailable("token endpoint answered " + status.value());
				});
		}
		catch (ResourceAccessException ex) {
			throw new KeycloakUnavailable(ex.getMessage());
		}
	}

	/**
	 * The realm roles and agency of the token Keycloak just issued to us (read, not verified: it came from
	 * Keycloak itself, over the call we made).
	 */
	private RegistryClient client(String clientId, String accessToken) {
		String[] parts = accessToken.split("\\.");
		if (parts.length < 2) {
			return new RegistryClient(clientId, List.of(), null);
		}
		JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		List<String> roles = new ArrayList<>();
		claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
		String agency = claims.path("agency").asString("");
		return new RegistryClient(clientId, List.copyOf(roles), agency.isBlank() ? null : agency);
	}

	private static Authentication authenticated(String clientId, RegistryClient client) {
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		authorities.add(new SimpleGrantedAuthority("ROLE_client"));
		client.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		var authenticated = UsernamePasswordAuthenticationToken.authenticated(clientId, null, authorities);
		authenticated.setDetails(client);
		return authenticated;
	}

	private static String urlEncode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String digest(String clientId, String secret) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest((clientId + "\u0000" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private record Verified(Instant at, RegistryClient client) {
	}

	private static final class KeycloakUnavailable extends RuntimeException {

		KeycloakUnavailable(String message) {
			super(message);
		}

	}

}
