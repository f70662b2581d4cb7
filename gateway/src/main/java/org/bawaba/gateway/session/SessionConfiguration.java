package org.bawaba.gateway.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/**
 * Browser sign-in at the gateway: OAuth2 login (authorization code with PKCE) against the
 * Keycloak realm, with everything a signed-in browser has — its security context and its tokens
 * (the authorized client) — kept in its web session, and web sessions kept in Redis (Spring
 * Session, {@code spring.session.data.redis.*}). Any gateway instance therefore serves any
 * session, and a restart signs nobody out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SessionConfiguration {

	/**
	 * The client registrations of {@code spring.security.oauth2.client.*}, completed with what
	 * issuer discovery would give, without contacting Keycloak at start-up (the gateway starts
	 * while Keycloak is down): the issuer, checked on every ID token; the end-session endpoint,
	 * so that signing out ends the Keycloak session too; and PKCE, which the realm requires. The
	 * redirect URI's {@code {baseUrl}} is the public URL, not the request's host.
	 */
	@Bean
	ReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer, PublicUrl publicUrl) {
		List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
			.values()
			.stream()
			.map(registration -> {
				Map<String, Object> metadata = new HashMap<>(
						registration.getProviderDetails().getConfigurationMetadata());
				metadata.putIfAbsent("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
				return ClientRegistration.withClientRegistration(registration)
					.redirectUri(publicUrl.expand(registration.getRedirectUri()))
					.issuerUri(issuer)
					.providerConfigurationMetadata(metadata)
					.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
					.build();
			})
			.toList();
		return new InMemoryReactiveClientRegistrationRepository(registrations);
	}

	/**
	 * Gets and refreshes a session's tokens, for the token relay ({@code TokenRelay} filter) and
	 * {@code /api/me}.
	 */
	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken()
			.build());
		return manager;
	}

	/** A browser's tokens live in its session, so in Redis, not in one gateway's memory. */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

}
