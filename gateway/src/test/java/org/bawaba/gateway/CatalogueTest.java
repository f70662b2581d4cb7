package org.bawaba.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API catalogue: every routed service's OpenAPI document, the gateway's own, and the AsyncAPI
 * document, behind one Swagger UI.
 */
class CatalogueTest extends GatewayTestSupport {

	@Autowired
	LateRegistrations lateRegistrations;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void theCatalogueListsEveryRoutedServiceAndOnlyThose() {
		List<Map<String, String>> urls = swaggerUrls();

		assertThat(urls).contains(Map.of("name", "gateway", "url", "/v3/api-docs"),
				Map.of("name", "hello", "url", "/api/hello/v3/api-docs"),
				Map.of("name", "other", "url", "/api/other/v3/api-docs"),
				Map.of("name", "echo", "url", "/api/echo/v3/api-docs"),
				Map.of("name", "slow", "url", "/api/slow/v3/api-docs"),
				Map.of("name", "down", "url", "/api/down/v3/api-docs"));
		assertThat(urls).extracting(url -> url.get("name")).doesNotContain("registry", "ministry-of-health", "anyname",
				"impostor", "rogue-grants");
	}

	@Test
	void aListedServiceIsCataloguedBeforeItRegistersIsServedOnceItDoesAndAnUnlistedOneNever() throws InterruptedException {
		String serviceId = "newcomer";
		String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
		// a platform service is part of the published API even while it has no instance: its document answers 503
		assertThat(swaggerUrls()).contains(Map.of("name", serviceId, "url", "/api/" + serviceId + "/v3/api-docs"));
		this.client.get().uri("/api/" + serviceId + "/v3/api-docs").exchange().expectStatus().isEqualTo(503);

		this.lateRegistrations.register(serviceId, TestBackends.HELLO.port());
		this.lateRegistrations.register(stranger, TestBackends.ROGUE.port());
		this.events.publishEvent(new HeartbeatEvent(this, serviceId));

		assertThat(swaggerUrls()).extracting(url -> url.get("name")).doesNotContain(stranger, "anyname");
		// and the document itself is reached through the gateway, once the load balancer's cached list is renewed
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
		var document = this.client.get().uri("/api/" + serviceId + "/v3/api-docs").exchange().returnResult(String.class);
		while (document.getStatus().value() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			document = this.client.get().uri("/api/" + serviceId + "/v3/api-docs").exchange().returnResult(String.class);
		}
		assertThat(document.getStatus().value()).isEqualTo(200);
		assertThat(document.getResponseBody().collectList().block()).containsExactly("hello from /v3/api-docs");
	}

	@Test
	void theGatewaysOwnDocumentAndTheAsyncApiDocumentAreServed() {
		this.client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.paths['/api/me']").exists();
		this.client.get().uri("/catalogue").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.asyncapi").isEqualTo("/catalogue/asyncapi.yaml")
			.jsonPath("$.ui").isEqualTo("/swagger-ui.html");
		this.client.get().uri("/catalogue/asyncapi.yaml").exchange().expectStatus().isOk()
			.expectBody(String.class).value(yaml -> assertThat(yaml).contains("asyncapi: 3.0.0")
				.contains("address: bawaba.gateway.usage")
				.contains("$ref: './schemas/org.bawaba.gateway.usage.recorded.v1.json'")
				.doesNotContain("src/main/resources"));
		// the event schemas the document refers to are served beside it
		this.client.get().uri("/catalogue/schemas/org.bawaba.gateway.usage.recorded.v1.json").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.title").isEqualTo("org.bawaba.gateway.usage.recorded.v1");
		this.client.get().uri("/catalogue/schemas/..%2F..%2Fapplication.yml").exchange()
			.expectStatus().is4xxClientError();
		this.client.get().uri("/catalogue/schemas/application.yml").exchange().expectStatus().isNotFound();
	}

	@Test
	void theSwaggerUiReadsTheCatalogue() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get().uri("/webjars/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk()
			.expectBody(String.class).value(script -> assertThat(script).contains("/catalogue/swagger-config"));
	}

	private List<Map<String, String>> swaggerUrls() {
		Map<String, Object> config = this.client.get().uri("/catalogue/swagger-config").exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
		return urls;
	}

}
