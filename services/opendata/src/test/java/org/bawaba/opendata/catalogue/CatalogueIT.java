package org.bawaba.opendata.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.bawaba.opendata.OpendataIT;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agencies own their datasets: only their staff create and edit them; bad input is a problem and changes nothing. */
class CatalogueIT extends OpendataIT {

	@Test
	void onlyTheOrganisationsStaffCreateItsDatasets() {
		String name = "owned-" + suffix();
		HttpResponse<String> otherAgency = post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), MME_STAFF);
		assertThat(otherAgency.statusCode()).isEqualTo(403);
		assertThat(isProblem(otherAgency)).isTrue();
		assertThat(json(otherAgency).get("type").asString()).endsWith("/forbidden-other-agency");
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), null).statusCode()).isEqualTo(401);
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), TestTokens.citizen("c-9"))
			.statusCode()).isEqualTo(403);
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), TestTokens.expired("x"))
			.statusCode()).isEqualTo(401);
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), TestTokens.forged("x"))
			.statusCode()).isEqualTo(401);
		assertThat(get("/datasets/" + name).statusCode()).isEqualTo(404);

		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), MOI_STAFF).statusCode())
			.isEqualTo(201);
		String admin = "by-admin-" + suffix();
		assertThat(post("/datasets", datasetJson(admin, "mme", List.of(), List.of(), false), TestTokens.platformAdmin())
			.statusCode()).isEqualTo(201);
	}

	@Test
	void onlyTheOrganisationsStaffEditItsDatasetsAndResources() {
		String name = "edited-" + suffix();
		post("/datasets", datasetJson(name, "moi", List.of("old"), List.of(), false), MOI_STAFF);
		String edit = datasetJson(name, "moi", List.of("new"), List.of("justice"), false)
			.replace("Dataset " + name, "Traffic fines");
		HttpResponse<String> foreign = put("/datasets/" + name, edit, MME_STAFF);
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(put("/datasets/" + name, edit, null).statusCode()).isEqualTo(401);
		assertThat(post("/datasets/" + name + "/resources", "{\"name\": {\"en\": \"x\", \"ar\": \"س\"}}", MME_STAFF)
			.statusCode()).isEqualTo(403);
		assertThat(action("package_show", "id=" + name, 200).get("result").get("title").asString())
			.isEqualTo("Dataset " + name);

		HttpResponse<String> own = put("/datasets/" + name, edit, MOI_STAFF);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		JsonNode shown = action("package_show", "id=" + name, 200).get("result");
		assertThat(shown.get("title").asString()).isEqualTo("Traffic fines");
		assertThat(shown.get("tags").get(0).get("name").asString()).isEqualTo("new");
		assertThat(action("package_search", "q=" + encode("traffic fines"), 200).get("result").get("results").toString())
			.contains(name);

		HttpResponse<String> moved = put("/datasets/" + name, datasetJson(name, "mme", List.of(), List.of(), false),
				MOI_STAFF);
		assertThat(moved.statusCode()).isEqualTo(409);
	}

	@Test
	void badInputIsAProblemAndChangesNothing() {
		HttpResponse<String> badName = post("/datasets", datasetJson("Bad Name!", "moi", List.of(), List.of(), false),
				MOI_STAFF);
		assertThat(badName.statusCode()).isEqualTo(400);
		assertThat(json(badName).get("errors").get(0).get("field").asString()).isEqualTo("name");

		String name = "checked-" + suffix();
		HttpResponse<String> licence = post("/datasets",
				datasetJson(name, "moi", List.of(), List.of(), false).replace("\"cc-by\"", "\"all-rights-reserved\""),
				MOI_STAFF);
		assertThat(licence.statusCode()).isEqualTo(400);
		assertThat(json(licence).get("type").asString()).endsWith("/unknown-licence");
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of("astrology"), false), MOI_STAFF)
			.statusCode()).isEqualTo(400);
		assertThat(post("/datasets", datasetJson(name, "nowhere", List.of(), List.of(), false), MOI_STAFF).statusCode())
			.isEqualTo(404);
		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false).replace("\"MONTHLY\"",
				"\"SOMETIMES\""), MOI_STAFF).statusCode()).isEqualTo(400);
		String period = datasetJson(name, "moi", List.of(), List.of(), false).replace("{\"", "{\"temporalStart\": \"2024-05-01\", \"temporalEnd\": \"2024-01-01\", \"");
		assertThat(post("/datasets", period, MOI_STAFF).statusCode()).isEqualTo(400);
		assertThat(post("/datasets", "{\"name\": ", MOI_STAFF).statusCode()).isEqualTo(400);
		assertThat(get("/api/3/action/package_show?id=" + name).statusCode()).isEqualTo(404);

		assertThat(post("/datasets", datasetJson(name, "moi", List.of(), List.of(), false), MOI_STAFF).statusCode())
			.isEqualTo(201);
		HttpResponse<String> taken = send(HttpRequest.newBuilder(uri("/datasets"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "ar")
			.header("Authorization", MOI_STAFF)
			.POST(HttpRequest.BodyPublishers.ofString(datasetJson(name, "moi", List.of(), List.of(), false)))
			.build());
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(json(taken).get("title").asString()).isEqualTo("الاسم مستخدم");
	}

	@Test
	void organisationsAreKeptByTheirAdmins() {
		String body = "{\"title\": {\"en\": \"Ministry of Municipality\", \"ar\": \"وزارة البلدية\"}}";
		assertThat(put("/organizations/mme", body, MME_STAFF).statusCode()).isEqualTo(403);
		assertThat(put("/organizations/mme", body, TestTokens.admin("moi-admin", "moi")).statusCode()).isEqualTo(403);
		HttpResponse<String> saved = put("/organizations/mme", body, TestTokens.admin("mme-admin", "mme"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(action("organization_show", "id=mme", 200).get("result").get("title").asString())
			.isEqualTo("Ministry of Municipality");
		put("/organizations/mme", "{\"title\": {\"en\": \"Ministry of Municipality and Environment\", \"ar\": \"وزارة البلدية والبيئة\"}}",
				TestTokens.admin("mme-admin", "mme"));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
