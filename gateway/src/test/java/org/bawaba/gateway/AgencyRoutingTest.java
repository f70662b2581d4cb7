package org.bawaba.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.bawaba.gateway.routing.AgencyDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;

/**
 * Agencies' own services: routed at /api/agencies/<code>/<name>/** from their Eureka metadata while the
 * auth service lists their agency as onboarded and active; refused (no route, 404) otherwise, with no
 * gateway change or restart either way.
 */
class AgencyRoutingTest extends GatewayTestSupport {

	static final String MOSD_ACTIVE = """
			[{"code": "mosd", "status": "ACTIVE", "services": [{"name": "allowance"}, {"name": "grants"}]}]""";

	@Autowired
	AgencyDirectory directory;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void mosdIsOnboarded() {
		directoryAnswers(MOSD_ACTIVE);
	}

	@AfterEach
	void noAgencies() {
		directoryAnswers("[]");
	}

	@Test
	void anOnboardedAgencysServiceIsRoutedUnderItsAgencyWithThePrefixStripped() {
		this.client.get()
			.uri("/api/agencies/mosd/allowance/benefits/42")
			.header("Authorization", "Bearer " + TestTokens.sign(TestTokens.agencyClient("mosd-allowance", "mosd")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("hello from /benefits/42");
		assertThat(TestBackends.HELLO.headers("/benefits/42").get("authorization")).isNotEmpty();
		assertThat(this.breakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
			.contains("mosd-allowance");
	}

	@Test
	void aServiceOfAnAgencyThatIsNotOnboardedIsRefused() {
		this.client.get()
			.uri("/api/agencies/rogue/anything/hello")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		// nor does it get the platform's own route
		this.client.get().uri("/api/rogue-service/hello").exchange().expectStatus().isNotFound();
		// a name the agency did not onboard is refused too
		this.client.get().uri("/api/agencies/mosd/other/hello").exchange().expectStatus().isNotFound();
	}

	@Test
	void anInstanceClaimingAnOnboardedAgencysPathUnderAnotherServiceIdIsNotRouted() {
		String token = TestTokens.sign(TestTokens.agencyClient("mosd-allowance", "mosd"));
		// 'rogue-grants' and 'mosd-anything' claim agency mosd, path grants (onboarded): only 'mosd-grants' may
		this.client.get()
			.uri("/api/agencies/mosd/grants/hello")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// 'impostor' claims mosd's allowance beside the real 'mosd-allowance': every request reaches the real one
		for (int i = 0; i < 6; i++) {
			this.client.get()
				.uri("/api/agencies/mosd/allowance/claimed-" + i)
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("hello from /claimed-" + i);
		}
		assertThat(TestBackends.ROGUE.received()).isEmpty();
	}

	@Test
	void offboardingTheAgencyRemovesTheRouteAndOnboardingItAgainRestoresIt() {
		this.client.get().uri("/api/agencies/mosd/allowance/hello").exchange().expectStatus().isOk();
		directoryAnswers("""
				[{"code": "mosd", "status": "OFFBOARDED", "services": [{"name": "allowance"}]}]""");
		this.client.get().uri("/api/agencies/mosd/allowance/hello").exchange().expectStatus().isNotFound();
		directoryAnswers(MOSD_ACTIVE);
		this.client.get().uri("/api/agencies/mosd/allowance/hello").exchange().expectStatus().isOk();
	}

	@Test
	void forgedTokensAreRefusedOnAgencyRoutesToo() {
		this.client.get()
			.uri("/api/agencies/mosd/allowance/hello")
			.header("Authorization", "Bearer " + TestTokens.sign(TestTokens.citizen(), TestTokens.FORGER))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private void directoryAnswers(String json) {
		TestBackends.agencies = json;
		this.directory.refresh().block();
		this.events.publishEvent(new RefreshRoutesEvent(this));
	}

}
