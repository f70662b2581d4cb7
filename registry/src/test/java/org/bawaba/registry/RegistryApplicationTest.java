package org.bawaba.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.bawaba.platform.test.TestHttpServer;
import org.bawaba.platform.test.TestHttpServer.Answer;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The registry as services and strangers meet it: a stand-in token endpoint plays Keycloak's (a client id
 * and secret it knows get a token with the client's roles and agency), so a service registers, is listed
 * and cancels under its own name; nobody without credentials, with wrong ones, or under another name
 * registers or reads anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bawaba.registry.operator-password=operator-test-password")
class RegistryApplicationTest {

	/** client id → (secret, token Keycloak would give it) */
	static final Map<String, String[]> CLIENTS = Map.of(
			"probe", new String[] { "probe-secret", TestTokens.token("sa-probe", null, null, null, "platform-service") },
			"moi-identity", new String[] { "moi-secret", TestTokens.token("sa-moi", "moi", null, null, "agency-service") },
			"demo-integration", new String[] { "integration-secret", TestTokens.token("sa-demo", null, null, null, "integration") });

	static final TestHttpServer KEYCLOAK = TestHttpServer.create().answer("/token", exchange -> {
		String basic = exchange.getRequestHeaders().getFirst("Authorization");
		String[] pair = basic == null ? new String[0]
				: new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8).split(":", 2);
		String[] client = pair.length == 2 ? CLIENTS.get(pair[0]) : null;
		if (client == null || !client[0].equals(pair[1])) {
			return new Answer(401, "application/json", "{\"error\":\"invalid_client\"}");
		}
		return new Answer(200, "application/json", "{\"access_token\":\"" + client[1] + "\",\"token_type\":\"Bearer\"}");
	}).start();

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("bawaba.registry.token-uri", () -> KEYCLOAK.baseUrl() + "/token");
	}

	@AfterAll
	static void stop() {
		KEYCLOAK.stop();
	}

	@LocalServerPort
	int port;

	RestClient as(String user, String password) {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
		if (user != null) {
			builder.defaultHeaders(headers -> headers.setBasicAuth(user, password));
		}
		return builder.build();
	}

	static String instance(String app, String agency) {
		return """
			{"instance": {
			  "instanceId": "localhost:%1$s:9999", "hostName": "localhost", "app": "%1$s",
			  "ipAddr": "127.0.0.1", "status": "UP",
			  "port": {"$": 9999, "@enabled": "true"},
			  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
			  "metadata": {"agency": "%2$s"}
			}}""".formatted(app, agency);
	}

	static HttpStatusCode status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode());
	}

	HttpStatusCode register(RestClient client, String pathApp, String body) {
		return client.post().uri("/eureka/apps/" + pathApp).contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange((request, response) -> response.getStatusCode());
	}

	HttpStatusCode listed(String app) {
		return status(as("probe", "probe-secret").get().uri("/eureka/apps/" + app).accept(MediaType.APPLICATION_JSON));
	}

	@Test
	void aServiceRegistersUnderItsOwnNameIsListedAndGoneWhenItCancels() {
		RestClient probe = as("probe", "probe-secret");
		assertThat(register(probe, "PROBE", instance("PROBE", ""))).isEqualTo(HttpStatus.NO_CONTENT);
		String listed = probe.get().uri("/eureka/apps/PROBE").accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
		assertThat(listed).contains("localhost:PROBE:9999");
		assertThat(status(probe.put().uri("/eureka/apps/PROBE/localhost:PROBE:9999"))).isEqualTo(HttpStatus.OK);

		probe.delete().uri("/eureka/apps/PROBE/localhost:PROBE:9999").retrieve().toBodilessEntity();
		assertThat(listed("PROBE")).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void anAgencysServiceRegistersWithItsOwnAgencyOnly() {
		RestClient moi = as("moi-identity", "moi-secret");
		assertThat(register(moi, "MOI-IDENTITY", instance("MOI-IDENTITY", "ewa"))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(listed("MOI-IDENTITY")).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(register(moi, "MOI-IDENTITY", instance("MOI-IDENTITY", "moi"))).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(listed("MOI-IDENTITY")).isEqualTo(HttpStatus.OK);
		// its metadata cannot be changed afterwards (the gateway routes agencies' services by it)
		assertThat(status(moi.put().uri("/eureka/apps/MOI-IDENTITY/localhost:MOI-IDENTITY:9999/metadata?agency=ewa"))).isEqualTo(HttpStatus.FORBIDDEN);
		moi.delete().uri("/eureka/apps/MOI-IDENTITY/localhost:MOI-IDENTITY:9999").retrieve().toBodilessEntity();
	}

	@Test
	void nobodyRegistersWithoutCredentialsWithWrongOnesOrUnderAnotherName() {
		assertThat(register(as(null, null), "ANYNAME", instance("ANYNAME", ""))).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(register(as("probe", "wrong"), "PROBE", instance("PROBE", ""))).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(register(as("nobody", "x"), "NOBODY", instance("NOBODY", ""))).isEqualTo(HttpStatus.UNAUTHORIZED);
		RestClient probe = as("probe", "probe-secret");
		assertThat(register(probe, "ANYNAME", instance("ANYNAME", ""))).isEqualTo(HttpStatus.FORBIDDEN);
		// the path's name is its own, the body's is not: Eureka would file it under the body's
		assertThat(register(probe, "PROBE", instance("ESERVICES", ""))).isEqualTo(HttpStatus.FORBIDDEN);
		// a platform service claiming an agency
		assertThat(register(probe, "PROBE", instance("PROBE", "moi"))).isEqualTo(HttpStatus.FORBIDDEN);
		// an outside system (role integration) has a Keycloak client, but is no service of the platform
		assertThat(register(as("demo-integration", "integration-secret"), "DEMO-INTEGRATION",
				instance("DEMO-INTEGRATION", ""))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(listed("ANYNAME")).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(listed("ESERVICES")).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void nothingIsReadWithoutCredentials() {
		HttpStatusCode anonymous = status(as(null, null).get().uri("/eureka/apps").accept(MediaType.APPLICATION_JSON));
		assertThat(anonymous).isEqualTo(HttpStatus.UNAUTHORIZED);
		HttpStatusCode dashboard = status(as(null, null).get().uri("/"));
		assertThat(dashboard).isEqualTo(HttpStatus.UNAUTHORIZED);
		HttpStatusCode metrics = status(as(null, null).get().uri("/actuator/prometheus"));
		assertThat(metrics).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theOperatorReadsTheDashboardAndChangesNothing() {
		RestClient operator = as("operator", "operator-test-password");
		assertThat(status(operator.get().uri("/"))).isEqualTo(HttpStatus.OK);
		assertThat(register(operator, "OPERATOR", instance("OPERATOR", ""))).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(as("operator", "wrong").get().uri("/")))
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void readinessIsOpenForTheLauncher() {
		String health = as(null, null).get().uri("/actuator/health/readiness").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

}
