package org.bawaba.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.bawaba.gateway.routing.PortalRoute;
import org.bawaba.gateway.session.SignInRequests;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The portal is routed at every path outside the gateway's own, with the browser's CSRF token for
 * its forms; signing in takes the page's language to Keycloak and a path on this site to come
 * back to.
 */
class PortalRouteTest extends GatewayTestSupport {

	@Test
	void everyPathOutsideTheGatewaysOwnIsThePortals() {
		String path = "/ar/services/" + UUID.randomUUID();
		this.client.get().uri(path).exchange().expectStatus().isOk();
		assertThat(TestBackends.HELLO.received()).anyMatch(received -> received.path().equals(path));
		// the API's unknown paths stay the gateway's 404, and the gateway's own pages stay its own
		this.client.get().uri("/api/no-such-service/x").exchange().expectStatus().isNotFound();
		assertThat(PortalRoute.isPortal("/api/eservices/services")).isFalse();
		assertThat(PortalRoute.isPortal("/oauth2/authorization/keycloak")).isFalse();
		assertThat(PortalRoute.isPortal("/logout")).isFalse();
		assertThat(PortalRoute.isPortal("/")).isTrue();
		assertThat(PortalRoute.isPortal("/portal.css")).isTrue();
	}

	@Test
	void aBrowsersFormReachesThePortalWithItsCsrfTokenAndNoCookies() {
		EntityExchangeResult<Void> signIn = this.client.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectBody().isEmpty();
		String session = signIn.getResponseCookies().getFirst("SESSION").getValue();
		// the browser's token, as its page would read it from the cookie
		EntityExchangeResult<byte[]> page = this.client.get().uri("/en/me").cookie("SESSION", session).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		ResponseCookie cookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		String xsrf = cookie.getValue();
		assertThat(TestBackends.HELLO.headers("/en/me").get(PortalRoute.CSRF_HEADER.toLowerCase())).containsExactly(xsrf);

		// the gateway streams the form through (the portal checks its token); cookies stay here
		String path = "/en/me/address-" + UUID.randomUUID();
		this.client.post().uri(path).cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf)
			.header(PortalRoute.CSRF_HEADER, "spoofed")
			.bodyValue("_csrf=" + xsrf + "&line1=x").header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
			.exchange()
			.expectStatus().isOk();
		assertThat(TestBackends.HELLO.headers(path).get(PortalRoute.CSRF_HEADER.toLowerCase())).containsExactly(xsrf);
		assertThat(TestBackends.HELLO.headers(path)).doesNotContainKey("cookie");

		// without a session, no token goes along, and one sent from outside never does
		String anonymous = "/en/anonymous-" + UUID.randomUUID();
		this.client.get().uri(anonymous).header(PortalRoute.CSRF_HEADER, "spoofed").exchange().expectStatus().isOk();
		assertThat(TestBackends.HELLO.headers(anonymous)).doesNotContainKey(PortalRoute.CSRF_HEADER.toLowerCase());
	}

	@Test
	void signingInTakesTheLanguageToKeycloakAndComesBackOnlyToThisSite() {
		URI location = this.client.get().uri("/oauth2/authorization/keycloak?lang=ar&return=/ar/services").exchange()
			.expectStatus().isFound().expectBody().isEmpty().getResponseHeaders().getLocation();
		assertThat(location.toString()).contains("ui_locales=ar");
		URI unknownLanguage = this.client.get().uri("/oauth2/authorization/keycloak?lang=xx").exchange()
			.expectStatus().isFound().expectBody().isEmpty().getResponseHeaders().getLocation();
		assertThat(unknownLanguage.toString()).doesNotContain("ui_locales");
		for (String elsewhere : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
			assertThat(SignInRequests.isLocalPath(elsewhere)).as(elsewhere).isFalse();
		}
		assertThat(SignInRequests.isLocalPath("/ar/services?q=x")).isTrue();
	}

}
