package org.bawaba.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryApplicationTest {

    @LocalServerPort
    int port;

    RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anInstanceThatRegistersIsListedAndGoneWhenItCancels() {
        String instance = """
            {"instance": {
              "instanceId": "localhost:probe:9999", "hostName": "localhost", "app": "PROBE",
              "ipAddr": "127.0.0.1", "status": "UP",
              "port": {"$": 9999, "@enabled": "true"},
              "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
              "metadata": {"agency": "moi"}
            }}""";
        var registered = client().post().uri("/eureka/apps/PROBE")
            .contentType(MediaType.APPLICATION_JSON).body(instance)
            .retrieve().toBodilessEntity();
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String listed = client().get().uri("/eureka/apps/PROBE")
            .accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
        assertThat(listed).contains("localhost:probe:9999").contains("\"agency\":\"moi\"");

        client().delete().uri("/eureka/apps/PROBE/localhost:probe:9999").retrieve().toBodilessEntity();
        var afterCancel = client().get().uri("/eureka/apps/PROBE")
            .accept(MediaType.APPLICATION_JSON).exchange((req, res) -> res.getStatusCode());
        assertThat(afterCancel).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void readinessIsExposedForTheLauncher() {
        String health = client().get().uri("/actuator/health/readiness").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"");
    }
}
