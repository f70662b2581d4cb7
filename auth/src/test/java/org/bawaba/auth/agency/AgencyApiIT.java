package org.bawaba.auth.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.bawaba.auth.AuthApi;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auth service's API rules with its own database and broker. What it does in Keycloak is checked
 * against a real Keycloak by {@code deploy/e2e}'s {@code AgencyOnboardingIT}; here Keycloak's address has
 * nothing listening, which also shows that a Keycloak failure is a clear 502 and records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgencyApiIT {

	static final String DATABASE = TestDatabase.fresh("bawaba_auth_test");

	static final String KAFKA = TestKafka.bootstrap();

	static final String AGENCY = """
			{"name": {"en": "Ministry of Social Development", "ar": "وزارة التنمية الاجتماعية"},
			 "services": ["allowance"]}
			""";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AuthApi.infrastructure(registry, DATABASE, KAFKA);
	}

	@Test
	void onlyPlatformAdminsOnboard() {
		HttpResponse<String> anonymous = send("PUT", "/agencies/mosd", AGENCY, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(isProblem(anonymous)).isTrue();
		for (String bearer : new String[] { TestTokens.citizen("c-1"), TestTokens.admin("moi-admin", "moi"),
				TestTokens.staff("mosd-staff", "mosd") }) {
			HttpResponse<String> refused = send("PUT", "/agencies/mosd", AGENCY, bearer);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(isProblem(refused)).isTrue();
		}
		assertThat(agencies()).isZero();
	}

	@Test
	void badDescriptionsAreRefusedWithTheField() {
		String admin = TestTokens.platformAdmin();
		assertThat(send("PUT", "/agencies/mosd", "{\"name\": {\"en\": \"Only English\"}, \"services\": []}", admin))
			.satisfies(response -> {
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(json(response).get("errors").toString()).contains("name.ar");
			});
		assertThat(send("PUT", "/agencies/mosd",
				"{\"name\": {\"en\": \"a\", \"ar\": \"ب\"}, \"services\": [\"Bad Name!\"]}", admin).statusCode())
			.isEqualTo(400);
		assertThat(send("PUT", "/agencies/MOSD!", AGENCY, admin).statusCode()).isEqualTo(400);
		assertThat(send("PUT", "/agencies/mosd", "{not json", admin).statusCode()).isEqualTo(400);
		assertThat(send("PUT", "/agencies/mosd", "{\"name\": \"text\", \"services\": 3}", admin).statusCode())
			.isEqualTo(400);
		// a journey the platform does not have (and so no Kafka topics to grant)
		assertThat(send("PUT", "/agencies/mosd", """
				{"name": {"en": "a", "ar": "ب"}, "services": ["allowance"], "journeys": ["applications", "payroll"]}""",
				admin)).satisfies(response -> {
					assertThat(response.statusCode()).isEqualTo(400);
					assertThat(isProblem(response)).isTrue();
				});
		assertThat(send("PUT", "/agencies/mosd", """
				{"name": {"en": "a", "ar": "ب"}, "services": ["allowance"], "journeys": "renewals"}""", admin)
			.statusCode()).isEqualTo(400);
		// control characters in names people read (Keycloak and PostgreSQL refuse them after the fact)
		assertThat(send("PUT", "/agencies/mosd", """
				{"name": {"en": "Social\\u0000Development", "ar": "ب"}, "services": ["allowance"]}""", admin).statusCode())
			.isEqualTo(400);
		assertThat(send("POST", "/agencies/mosd/staff", """
				{"username": "new-staff", "firstName": "No\\u0000or"}""", admin).statusCode()).isEqualTo(400);
		assertThat(agencies()).isZero();
	}

	@Test
	void keycloakUnreachableIsABadGatewayProblemAndNothingIsRecorded() {
		HttpResponse<String> response = send("PUT", "/agencies/mosd", AGENCY, TestTokens.platformAdmin());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(isProblem(response)).isTrue();
		assertThat(json(response).get("type").asString()).endsWith("/keycloak-unavailable");
		assertThat(agencies()).isZero();
		assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).isZero();
	}

	@Test
	void unknownAgenciesAre404InBothLanguages() {
		HttpResponse<String> english = send("GET", "/agencies/nosuch", null, null);
		assertThat(english.statusCode()).isEqualTo(404);
		assertThat(isProblem(english)).isTrue();
		HttpResponse<String> arabic = send(HttpRequest.newBuilder(uri("/agencies/nosuch"))
			.header("Accept-Language", "ar")
			.GET()
			.build());
		assertThat(json(arabic).get("title").asString()).isEqualTo("الجهة غير موجودة");
		assertThat(send("POST", "/agencies/nosuch/services/x1/secret", null, TestTokens.platformAdmin()).statusCode())
			.isEqualTo(404);
		assertThat(send("DELETE", "/agencies/nosuch", null, TestTokens.platformAdmin()).statusCode()).isEqualTo(404);
	}

	@Test
	void agencyAdminsManageOnlyTheirOwnAgency() {
		TestDatabase.execute(DATABASE, """
				insert into agency (code, title_en, title_ar, status, onboarded_at, updated_at)
				values ('mosd', 'Ministry of Social Development', 'وزارة التنمية الاجتماعية', 'ACTIVE', now(), now())
				on conflict do nothing""");
		try {
			String staff = "{\"username\": \"new-staff\"}";
			assertThat(send("POST", "/agencies/mosd/staff", staff, TestTokens.admin("moi-admin", "moi")).statusCode())
				.isEqualTo(403);
			assertThat(send("POST", "/agencies/mosd/staff", staff, TestTokens.staff("mosd-staff", "mosd"))
				.statusCode()).isEqualTo(403);
			assertThat(send("POST", "/agencies/mosd/services/allowance/secret", null,
					TestTokens.admin("moi-admin", "moi")).statusCode()).isEqualTo(403);
			// the agency's own admin passes the rules (and then meets the unreachable Keycloak)
			assertThat(send("POST", "/agencies/mosd/staff", staff, TestTokens.admin("mosd-admin", "mosd"))
				.statusCode()).isEqualTo(502);
			assertThat(send("POST", "/agencies/mosd/staff", "{\"username\": \"x\"}",
					TestTokens.admin("mosd-admin", "mosd")).statusCode()).isEqualTo(400);
			assertThat(json(send("GET", "/agencies", null, null)).get(0).get("code").asString()).isEqualTo("mosd");
			assertThat(TestDatabase.count(DATABASE, "select count(*) from bawaba_outbox")).isZero();
		}
		finally {
			TestDatabase.execute(DATABASE, "delete from agency where code = 'mosd'");
		}
	}

	private long agencies() {
		return TestDatabase.count(DATABASE, "select count(*) from agency");
	}

	private URI uri(String path) {
		return new AuthApi(port).uri(path);
	}

	private HttpResponse<String> send(String method, String path, String json, String bearer) {
		return new AuthApi(port).send(method, path, json, bearer);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return AuthApi.send(request);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return AuthApi.json(response);
	}

	private static boolean isProblem(HttpResponse<String> response) {
		return AuthApi.isProblem(response);
	}

}
