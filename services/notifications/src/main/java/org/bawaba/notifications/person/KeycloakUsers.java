package org.bawaba.notifications.person;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.ws.rs.NotFoundException;
import org.bawaba.notifications.NotificationsProperties;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.UserRepresentation;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * People's e-mail address, phone ({@code phone_number} attribute, when the realm declares one) and
 * {@code locale} from their Keycloak user record, through the admin API as the confidential client
 * {@code notifications} (service account with realm-management {@code view-users}). Off when no client
 * secret is configured. Records are cached for {@code notifications.keycloak.cache-ttl}, at most
 * {@value #CACHED_PEOPLE} of them (the least recently used go first).
 */
@Component
public class KeycloakUsers implements DisposableBean {

	/** What Keycloak knows of a person. */
	public record KeycloakUser(@Nullable String email, @Nullable String phone, @Nullable String locale) {
	}

	/** How many people's records are kept at most; a national inbox reaches millions of people. */
	static final int CACHED_PEOPLE = 50_000;

	private final NotificationsProperties.Keycloak properties;

	private final String serverUrl;

	private final String realm;

	private final Cache<String, Optional<KeycloakUser>> cache;

	private volatile @Nullable Keycloak client;

	KeycloakUsers(NotificationsProperties properties, @Value("${bawaba.security.issuer-uri}") String issuer) {
		this.properties = properties.keycloak();
		URI uri = URI.create(issuer);
		String path = uri.getPath();
		int realms = path.indexOf("/realms/");
		this.serverUrl = uri.getScheme() + "://" + uri.getAuthority() + (realms > 0 ? path.substring(0, realms) : "");
		this.realm = realms >= 0 ? path.substring(realms + "/realms/".length()) : "bawaba";
		this.cache = Caffeine.newBuilder()
			.maximumSize(CACHED_PEOPLE)
			.expireAfterWrite(this.properties.cacheTtl())
			.build();
	}

	public boolean enabled() {
		return properties.clientSecret() != null && !properties.clientSecret().isBlank();
	}

	/**
	 * The person's record; empty when disabled or unknown to Keycloak. Throws when Keycloak cannot be asked
	 * (the caller retries later).
	 */
	public Optional<KeycloakUser> find(String sub) {
		if (!enabled()) {
			return Optional.empty();
		}
		Optional<KeycloakUser> cached = cache.getIfPresent(sub);
		if (cached != null) {
			return cached;
		}
		Optional<KeycloakUser> user;
		try {
			UserRepresentation found = client().realm(realm).users().get(sub).toRepresentation();
			user = Optional.of(new KeycloakUser(found.getEmail(), attribute(found, "phone_number"),
					attribute(found, "locale")));
		}
		catch (NotFoundException ex) {
			user = Optional.empty();
		}
		cache.put(sub, user);
		return user;
	}

	private static @Nullable String attribute(UserRepresentation user, String name) {
		Map<String, List<String>> attributes = user.getAttributes();
		if (attributes == null || attributes.get(name) == null || attributes.get(name).isEmpty()) {
			return null;
		}
		return attributes.get(name).get(0);
	}

	private Keycloak client() {
		Keycloak current = client;
		if (current == null) {
			synchronized (this) {
				if (client == null) {
					client = KeycloakBuilder.builder()
						.serverUrl(serverUrl)
						.realm(realm)
						.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
						.clientId(properties.clientId())
						.clientSecret(properties.clientSecret())
						.build();
				}
				current = client;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Keycloak current = client;
		if (current != null) {
			current.close();
		}
	}

}
