package org.bawaba.eservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends EservicesIT {

	@Test
	void theOpenApiDocumentIsPublicAndDescribesEveryEndpoint() {
		HttpResponse<String> response = get("/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode api = json(response);
		assertThat(api.get("openapi").asString()).startsWith("3.");
		JsonNode paths = api.get("paths");
		assertThat(paths.propertyNames()).contains("/services", "/services/{code}", "/services/{code}/publish",
				"/agencies/{agency}/catalogue", "/applications", "/applications/{id}", "/applications/{id}/submit",
				"/applications/{id}/start-review", "/applications/{id}/request-info", "/applications/{id}/answer",
				"/applications/{id}/approve", "/applications/{id}/reject", "/applications/{id}/complete",
				"/applications/{id}/history", "/queue", "/applications/{id}/documents", "/applications/{id}/payments",
				"/payments/callback", "/applications/{id}/rating", "/statistics/services");
		assertThat(paths.get("/services").get("get").get("parameters").valueStream()
			.map(p -> p.get("name").asString())).contains("q", "agency", "category", "lifeEvent", "level", "sort", "page",
					"size");
		assertThat(paths.get("/applications").get("post").get("requestBody").toString()).contains("NewApplication");
		assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
	}

}
