package org.bawaba.gateway;

import java.util.List;
import java.util.Locale;

import org.bawaba.gateway.routing.AgencyDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No actuator endpoint of any service is reachable through the gateway, however the path is
 * written; the gateway's own health and info stay public, and nothing else of its actuator is.
 * Sent over a socket, so that every encoding reaches the gateway as written.
 */
class ActuatorTest extends GatewayTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	AgencyDirectory directory;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void mosdIsOnboarded() {
		directoryAnswers(AgencyRoutingTest.MOSD_ACTIVE);
	}

	@AfterEach
	void noAgencies() {
		directoryAnswers("[]");
	}

	@Test
	void noActuatorEndpointIsRoutedWhateverTheRouteAndHoweverThePathIsWritten() {
		// a platform service, an agency's service, the portal
		List<String> routes = List.of("/api/hello", "/api/agencies/mosd/allowance", "/en");
		List<String> tricks = List.of("/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator",
				"/actuator/", "/%61ctuator/prometheus", "/%61%63%74%75%61%74%6f%72/env", "/%2561ctuator/env",
				"//actuator/env", "/actuator;x=y/env", "/actuator;/health", "/ACTUATOR/env", "/Actuator/Prometheus",
				"/./actuator/env", "/x/../actuator/env", "/x/..%2Factuator/env", "/actuator%2Fenv", "/%2e/actuator/env",
				"/actuator%20/env", "/actuator/health/../env", "/api/x/actuator/env");
		for (String route : routes) {
			for (String trick : tricks) {
				for (String method : List.of("GET", "POST", "HEAD")) {
					String target = route + trick;
					RawHttp.Response response = RawHttp.send(this.port, method, target, null,
							"Authorization: Bearer " + TestTokens.sign(TestTokens.agencyClient("mosd-allowance", "mosd")));
					assertThat(response.status()).as(method + " " + target).isEqualTo(404);
					assertThat(response.header("Content-Type")).as(method + " " + target)
						.startsWith("application/problem+json");
					if (!method.equals("HEAD")) {
						assertThat(JSON.readTree(response.body()).path("type").asString()).as(target)
							.startsWith("https://bawaba.org/problems/");
					}
				}
			}
		}
		assertThat(TestBackends.HELLO.received())
			.noneMatch(received -> received.path().toLowerCase(Locale.ROOT).contains("actuator"));
	}

	@Test
	void theObviousOnesAreNotFoundOnEveryRoute() {
		for (String target : List.of("/api/hello/actuator/prometheus", "/api/hello/%61ctuator/prometheus",
				"/api/agencies/mosd/allowance/actuator/health", "/api/agencies/mosd/allowance/Actuator/env",
				"/api/hello/actuator;a=b/health", "/%61ctuator/prometheus", "/actuator/prometheus", "/actuator/env",
				"/actuator/health/x/../../env", "/en/actuator/health")) {
			RawHttp.Response response = RawHttp.send(this.port, "GET", target, null, "Accept-Language: ar");
			assertThat(response.status()).as(target).isEqualTo(404);
			assertThat(JSON.readTree(response.body()).path("title").asString()).as(target).isEqualTo("غير موجود");
		}
		assertThat(TestBackends.HELLO.received())
			.noneMatch(received -> received.path().toLowerCase(Locale.ROOT).contains("actuator"));
	}

	@Test
	void theGatewaysOwnHealthAndInfoStayPublic() {
		for (String target : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/info")) {
			assertThat(RawHttp.send(this.port, "GET", target, null).status()).as(target).isEqualTo(200);
		}
	}

	private void directoryAnswers(String json) {
		TestBackends.agencies = json;
		this.directory.refresh().block();
		this.events.publishEvent(new RefreshRoutesEvent(this));
	}

}
