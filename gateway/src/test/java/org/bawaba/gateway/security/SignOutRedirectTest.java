package org.bawaba.gateway.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bawaba.gateway.session.PublicUrl;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.server.WebFilterExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After signing out, Keycloak sends the browser to the configured public URL, never to the host
 * the sign-out request named.
 */
class SignOutRedirectTest {

	@Test
	void keycloakSendsTheBrowserBackToThePublicUrlNotToTheRequestsHost() {
		ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak")
			.clientId("gateway")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("http://sign-on.test/auth")
			.tokenUri("http://sign-on.test/token")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", "http://sign-on.test/logout"))
			.build();
		var handler = SecurityConfiguration.endKeycloakSession(new InMemoryReactiveClientRegistrationRepository(keycloak),
				new PublicUrl("https://bawaba.gov.example/"));
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/logout")
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil.example"));
		OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "someone"));
		var signedIn = new OAuth2AuthenticationToken(
				new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_citizen"), idToken), List.of(), "keycloak");

		handler.onLogoutSuccess(new WebFilterExchange(exchange, e -> Mono.empty()), signedIn)
			.block();

		URI location = exchange.getResponse().getHeaders().getLocation();
		String decoded = URLDecoder.decode(location.toString(), StandardCharsets.UTF_8);
		assertThat(decoded).startsWith("http://sign-on.test/logout?")
			.contains("post_logout_redirect_uri=https://bawaba.gov.example/")
			.doesNotContain("evil.example");
	}

	@Test
	void aPublicUrlThatIsNoWebAddressStopsTheGatewayFromStarting() {
		for (String wrong : List.of("localhost:8080", "ftp://bawaba.test", "https://", "https://bawaba.test/?x=1")) {
			assertThatThrownBy(() -> new PublicUrl(wrong)).as(wrong).hasMessageContaining("bawaba.public-url");
		}
		assertThat(new PublicUrl("https://bawaba.test/portal/").expand("{baseUrl}/login/{registrationId}"))
			.isEqualTo("https://bawaba.test/portal/login/{registrationId}");
	}

}
