package org.bawaba.gateway;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that asks for a page the gateway cannot give (a service down, an unknown address) gets a page in
 * its language with the same status and a way back to the portal; a script asking for JSON still gets the
 * problem as {@code application/problem+json}.
 */
class BrowserErrorPagesTest extends GatewayTestSupport {

	/** What browsers send when a person follows a link or types an address. */
	private static final String NAVIGATION = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Value("${local.server.port}")
	int port;

	@Test
	void aServiceThatIsDownIsAPageSayingSoInTheBrowsersLanguage() {
		RawHttp.Response arabic = RawHttp.send(this.port, "GET", "/api/gone/x", null, NAVIGATION, "Accept-Language: ar");
		Document page = page(arabic, 503);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
		assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
		assertThat(page.selectFirst("h1").text()).isEqualTo("الخدمة غير متاحة");
		assertThat(page.select("a[href=/ar/]").text()).contains("العودة إلى البوابة");
		assertThat(arabic.header("Content-Language")).isEqualTo("ar");

		Document english = page(RawHttp.send(this.port, "GET", "/api/gone/x", null, NAVIGATION, "Accept-Language: en"), 503);
		assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
		assertThat(english.selectFirst("h1").text()).isEqualTo("Service unavailable");
		assertThat(english.select("a[href=/en/]").text()).isEqualTo("Back to the portal");
		assertThat(english.select("a[href=/ar/]").text()).isEqualTo("العربية");
	}

	@Test
	void otherFailuresKeepTheirStatusAsAPage() {
		assertThat(page(RawHttp.send(this.port, "GET", "/api/nothing/here", null, NAVIGATION), 404).selectFirst("h1").text())
			.isEqualTo("Not found");
		assertThat(page(RawHttp.send(this.port, "GET", FAILING_PATH, null, NAVIGATION), 500).text())
			.doesNotContain("Exception");
	}

	@Test
	void scriptsAndApiClientsStillGetTheProblemAsJson() {
		for (String accept : new String[] { "Accept: application/json", "Accept: text/html, application/json",
				"Accept: */*", "X-No-Accept: true", "Accept: text/html; charset=x-nope" }) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", "/api/gone/x", null, accept);
			assertThat(response.header("Content-Type")).as(accept).startsWith("application/problem+json");
		}
		// a form post is never answered with a page here: the portal answers its own forms
		RawHttp.Response post = RawHttp.send(this.port, "POST", "/api/gone/x", "{}".getBytes(), NAVIGATION,
				"Content-Type: application/json");
		assertThat(post.header("Content-Type")).startsWith("application/problem+json");
	}

	private static Document page(RawHttp.Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.header("Cache-Control")).contains("no-store");
		return Jsoup.parse(response.body());
	}

}
