package org.bawaba.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bawaba.auth.AuthApi;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules of onboarding outside systems, with the service's own database and broker. What it does in
 * Keycloak and in the brokers' ACLs is checked against the running suite by {@code deploy/e2e}'s
 * {@code ExternalSystemIT}; here Keycloak's address has nothing listening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SystemApiIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_auth_systems_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final String SYSTEM = """
			{"name": {"en": "National newsroom", "ar": "غرفة الأخبار الوطنية"}, "topics": ["bawaba.participation.polls"]}
			""";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AuthApi.infrastructure(registry, DATABASE, KAFKA);
	}

	@Test
	void onlyPlatformAdminsOnboardListAndOffboard() {
		AuthApi api = new AuthApi(port);
		assertThat(api.send("PUT", "/systems/newsroom", SYSTEM, null).statusCode()).isEqualTo(401);
		assertThat(api.send("GET", "/systems", null, null).statusCode()).isEqualTo(401);
		for (String bearer : new String[] { TestTokens.citizen("c-1"), TestTokens.admin("moi-admin", "moi"),
				TestTokens.staff("moi-staff", "moi") }) {
			HttpResponse<String> refused = api.send("PUT", "/systems/newsroom", SYSTEM, bearer);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(AuthApi.isProblem(refused)).isTrue();
			assertThat(api.send("GET", "/systems", null, bearer).statusCode()).isEqualTo(403);
			assertThat(api.send("DELETE", "/systems/newsroom", null, bearer).statusCode()).isEqualTo(403);
		}
		assertThat(systems()).isZero();
	}

	@Test
	void onlyPublicTopicsAndWellFormedRequests() {
		AuthApi api = new AuthApi(port);
		String admin = TestTokens.platformAdmin();
		HttpResponse<String> personal = api.send("PUT", "/systems/newsroom", """
				{"name": {"en": "Newsroom", "ar": "غرفة الأخبار"}, "topics": ["bawaba.participation.polls", "bawaba.eservices.applications"]}
				""", admin);
		assertThat(personal.statusCode()).isEqualTo(400);
		assertThat(AuthApi.json(personal).get("type").asString()).endsWith("/topic-not-public");
		assertThat(AuthApi.json(personal).get("detail").asString()).contains("bawaba.eservices.applications");
		assertThat(api.send("PUT", "/systems/newsroom", """
				{"name": {"en": "Newsroom", "ar": "غرفة الأخبار"}, "topics": []}""", admin).statusCode()).isEqualTo(400);
		assertThat(api.send("PUT", "/systems/newsroom", """
				{"name": {"en": "Only English"}, "topics": ["bawaba.participation.polls"]}""", admin).statusCode())
			.isEqualTo(400);
		// a control character in a name (Keycloak would refuse it in the client's name: a 502 after the fact)
		HttpResponse<String> control = api.send("PUT", "/systems/newsroom", """
				{"name": {"en": "News\\u0000room", "ar": "غرفة الأخبار"}, "topics": ["bawaba.participation.polls"]}""", admin);
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(AuthApi.json(control).get("errors").toString()).contains("name.en");
		assertThat(api.send("PUT", "/systems/NEWS!", SYSTEM, admin).statusCode()).isEqualTo(400);
		assertThat(api.send("PUT", "/systems/newsroom", "{not json", admin).statusCode()).isEqualTo(400);
		assertThat(systems()).isZero();
	}

	@Test
	void keycloakUnreachableIsABadGatewayProblemAndNothingIsRecorded() {
		HttpResponse<String> response = new AuthApi(port).send("PUT", "/systems/newsroom", SYSTEM,
				TestTokens.platformAdmin());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(AuthApi.json(response).get("type").asString()).endsWith("/keycloak-unavailable");
		assertThat(systems()).isZero();
	}

	@Test
	void unknownSystemsAre404InBothLanguages() {
		AuthApi api = new AuthApi(port);
		assertThat(api.send("DELETE", "/systems/nosuch", null, TestTokens.platformAdmin()).statusCode()).isEqualTo(404);
		HttpResponse<String> arabic = AuthApi.send(HttpRequest.newBuilder(api.uri("/systems/nosuch"))
			.header("Authorization", TestTokens.platformAdmin())
			.header("Accept-Language", "ar")
			.DELETE()
			.build());
		assertThat(arabic.statusCode()).isEqualTo(404);
		assertThat(AuthApi.json(arabic).get("title").asString()).isEqualTo("النظام غير موجود");
		assertThat(AuthApi.json(api.send("GET", "/systems", null, TestTokens.platformAdmin())).size()).isZero();
	}

	private long systems() {
		return TestDatabase.count(DATABASE, "select count(*) from external_system");
	}

}
