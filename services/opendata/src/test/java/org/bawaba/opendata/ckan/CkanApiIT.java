package org.bawaba.opendata.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.opendata.OpendataIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CKAN's Action API: the envelope, each action's semantics and CKAN's error types. */
class CkanApiIT extends OpendataIT {

	@Test
	void statusShowAnswersInCkansEnvelope() {
		JsonNode body = action("status_show", null, 200);
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("help").asString()).isEqualTo("http://data.test/api/opendata/api/3/action/help_show?name=status_show");
		assertThat(body.get("result").get("ckan_version").asString()).startsWith("2.");
		assertThat(body.get("result").get("extensions").toString()).contains("datastore");
		assertThat(get("/api/action/status_show").statusCode()).isEqualTo(200);
	}

	@Test
	void packageListAndShowByNameOrId() {
		String name = "roads-" + suffix();
		datasetWithResource(name, "mme", MME_STAFF);
		String hidden = "hidden-" + suffix();
		assertThat(post("/datasets", datasetJson(hidden, "mme", List.of("x"), List.of(), true), MME_STAFF).statusCode())
			.isEqualTo(201);

		JsonNode list = action("package_list", null, 200).get("result");
		assertThat(texts(list)).contains(name).doesNotContain(hidden);

		JsonNode shown = action("package_show", "id=" + name, 200).get("result");
		assertThat(shown.get("name").asString()).isEqualTo(name);
		assertThat(shown.get("title").asString()).isEqualTo("Dataset " + name);
		assertThat(shown.get("title_translated").get("ar").asString()).isEqualTo("مجموعة بيانات " + name);
		assertThat(shown.get("organization").get("name").asString()).isEqualTo("mme");
		assertThat(shown.get("owner_org").asString()).isEqualTo(shown.get("organization").get("id").asString());
		assertThat(shown.get("license_id").asString()).isEqualTo("cc-by");
		assertThat(shown.get("license_title").asString()).contains("Attribution");
		assertThat(shown.get("tags").get(0).get("name").asString()).isEqualTo("test");
		assertThat(shown.get("groups").get(0).get("name").asString()).isEqualTo("government");
		assertThat(shown.get("num_resources").asInt()).isEqualTo(1);
		assertThat(shown.get("resources").get(0).get("datastore_active").asBoolean()).isFalse();
		assertThat(shown.get("type").asString()).isEqualTo("dataset");
		assertThat(shown.get("metadata_modified").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");

		JsonNode byId = action("package_show", "id=" + shown.get("id").asString(), 200).get("result");
		assertThat(byId.get("name").asString()).isEqualTo(name);

		JsonNode arabic = json(getArabic("/api/3/action/package_show?id=" + name)).get("result");
		assertThat(arabic.get("title").asString()).isEqualTo("مجموعة بيانات " + name);

		// the same action by POST with a JSON body, as ckanapi sends it
		HttpResponse<String> posted = post("/api/3/action/package_show", "{\"id\": \"" + name + "\"}", null);
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(json(posted).get("result").get("name").asString()).isEqualTo(name);
	}

	@Test
	void packageShowErrorsHaveCkansTypes() {
		JsonNode missing = action("package_show", null, 409);
		assertThat(missing.get("success").asBoolean()).isFalse();
		assertThat(missing.get("error").get("__type").asString()).isEqualTo("Validation Error");
		assertThat(missing.get("error").get("id").asString()).isEqualTo("Missing value");

		JsonNode unknown = action("package_show", "id=no-such-dataset", 404);
		assertThat(unknown.get("error").get("__type").asString()).isEqualTo("Not Found Error");
		assertThat(unknown.get("help").asString()).endsWith("name=package_show");

		String secret = "secret-" + suffix();
		post("/datasets", datasetJson(secret, "moi", List.of(), List.of(), true), MOI_STAFF);
		JsonNode denied = action("package_show", "id=" + secret, 403);
		assertThat(denied.get("error").get("__type").asString()).isEqualTo("Authorization Error");
		assertThat(get("/api/3/action/package_show?id=" + secret, MME_STAFF).statusCode()).isEqualTo(403);
		assertThat(get("/api/3/action/package_show?id=" + secret, MOI_STAFF).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownActionsAndBadBodiesAreBadRequests() {
		JsonNode unknown = action("package_destroy_everything", null, 400);
		assertThat(unknown.get("success").asBoolean()).isFalse();
		assertThat(unknown.get("error").get("message").asString()).contains("Action name not known");

		HttpResponse<String> malformed = post("/api/3/action/package_show", "{not json", null);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed).get("error").get("message").asString()).contains("JSON Error");

		HttpResponse<String> notObject = post("/api/3/action/package_show", "[1, 2]", null);
		assertThat(notObject.statusCode()).isEqualTo(400);

		JsonNode badRows = action("package_search", "rows=many", 409);
		assertThat(badRows.get("error").get("__type").asString()).isEqualTo("Validation Error");
		assertThat(badRows.get("error").get("rows").toString()).contains("Invalid integer");

		JsonNode badSort = action("package_search", "sort=" + encode("popularity desc"), 409);
		assertThat(badSort.get("error").get("__type").asString()).isEqualTo("Search Query Error");
		JsonNode badField = action("package_search", "fq=" + encode("colour:red"), 409);
		assertThat(badField.get("error").get("__type").asString()).isEqualTo("Search Query Error");
		JsonNode badFacet = action("package_search", "facet.field=" + encode("[\"name\"]"), 409);
		assertThat(badFacet.get("error").get("__type").asString()).isEqualTo("Search Query Error");
		JsonNode badJson = action("package_search", "facet.field=" + encode("[\"tags\""), 409);
		assertThat(badJson.get("error").get("__type").asString()).isEqualTo("Validation Error");

		// a search text nobody types, which kept the database busy past the gateway's timeout
		HttpResponse<String> longSearch = post("/api/3/action/package_search",
				"{\"q\": \"" + "a".repeat(100_000) + "\"}", null);
		assertThat(longSearch.statusCode()).isEqualTo(409);
		JsonNode longText = json(longSearch);
		assertThat(longText.get("error").get("__type").asString()).isEqualTo("Validation Error");
		assertThat(longText.get("error").get("q").toString()).contains("at most 1000 characters");
		assertThat(action("package_search", "fq=" + "a".repeat(1001), 409).get("error").has("fq")).isTrue();
		assertThat(action("package_search", "q=" + "a".repeat(1000), 200).get("success").asBoolean()).isTrue();
	}

	@Test
	void packageSearchFindsArabicAndEnglishWithFacets() {
		String tag = "batch" + suffix();
		create("water-quality-" + tag, "mme", "Drinking water quality", "جودة مياه الشرب", List.of(tag, "water"),
				List.of("environment", "health"));
		create("water-network-" + tag, "mme", "Water network length", "طول شبكة المياه", List.of(tag, "water"),
				List.of("environment"));
		create("passports-" + tag, "moi", "Passports issued", "الجوازات الصادرة", List.of(tag, "passports"),
				List.of("government"));

		JsonNode all = action("package_search", "fq=" + encode("tags:" + tag) + "&facet.field="
				+ encode("[\"organization\",\"tags\",\"groups\",\"license_id\"]") + "&rows=10", 200).get("result");
		assertThat(all.get("count").asInt()).isEqualTo(3);
		assertThat(all.get("facets").get("organization").get("mme").asInt()).isEqualTo(2);
		assertThat(all.get("facets").get("organization").get("moi").asInt()).isEqualTo(1);
		assertThat(all.get("facets").get("groups").get("environment").asInt()).isEqualTo(2);
		assertThat(all.get("facets").get("groups").get("health").asInt()).isEqualTo(1);
		assertThat(all.get("facets").get("tags").get("water").asInt()).isEqualTo(2);
		assertThat(all.get("search_facets").get("organization").get("items").get(0).get("display_name").asString())
			.isEqualTo("Ministry of Municipality and Environment");

		// English words, partial words
		JsonNode english = action("package_search", "q=" + encode("water qual") + "&fq=" + encode("tags:" + tag), 200)
			.get("result");
		assertThat(names(english)).containsExactly("water-quality-" + tag);

		// Arabic: "المياه" (with the article) finds "مياه"; "الجوازات" finds "الجوازات"; hamza and taa marbuta forms meet
		JsonNode arabic = action("package_search", "q=" + encode("المياه") + "&fq=" + encode("tags:" + tag), 200)
			.get("result");
		assertThat(names(arabic)).containsExactlyInAnyOrder("water-quality-" + tag, "water-network-" + tag);
		JsonNode quality = action("package_search", "q=" + encode("جوده") + "&fq=" + encode("tags:" + tag), 200)
			.get("result");
		assertThat(names(quality)).containsExactly("water-quality-" + tag);

		// field queries in q, filters in fq, Arabic display names of facets
		HttpResponse<String> arabicFacets = getArabic("/api/3/action/package_search?q=" + encode("organization:mme")
				+ "&fq=" + encode("tags:" + tag) + "&facet.field=" + encode("[\"groups\"]"));
		JsonNode facets = json(arabicFacets).get("result");
		assertThat(facets.get("count").asInt()).isEqualTo(2);
		List<String> display = new ArrayList<>();
		facets.get("search_facets").get("groups").get("items").forEach(item -> display.add(item.get("display_name").asString()));
		assertThat(display).contains("البيئة");

		// paging and sorting
		JsonNode first = action("package_search", "fq=" + encode("tags:" + tag) + "&sort=" + encode("name asc")
				+ "&rows=2&start=0", 200).get("result");
		JsonNode second = action("package_search", "fq=" + encode("tags:" + tag) + "&sort=" + encode("name asc")
				+ "&rows=2&start=2", 200).get("result");
		assertThat(names(first)).containsExactly("passports-" + tag, "water-network-" + tag);
		assertThat(names(second)).containsExactly("water-quality-" + tag);
		assertThat(first.get("count").asInt()).isEqualTo(3);

		// the same search by POST
		HttpResponse<String> posted = post("/api/3/action/package_search",
				JSON.writeValueAsString(Map.of("fq", "tags:" + tag + " organization:moi", "rows", 5)), null);
		assertThat(names(json(posted).get("result"))).containsExactly("passports-" + tag);
	}

	@Test
	void privateDatasetsAreSearchedOnlyByTheirOrganisation() {
		String tag = "private" + suffix();
		create("plan-" + tag, "moi", "Internal plan", "خطة داخلية", List.of(tag), List.of(), true);
		assertThat(action("package_search", "fq=" + encode("tags:" + tag), 200).get("result").get("count").asInt())
			.isZero();
		String query = "/api/3/action/package_search?include_private=true&fq=" + encode("tags:" + tag);
		assertThat(json(get(query, MOI_STAFF)).get("result").get("count").asInt()).isEqualTo(1);
		assertThat(json(get(query, MME_STAFF)).get("result").get("count").asInt()).isZero();
	}

	@Test
	void organisationsGroupsAndTags() {
		String tag = "tag" + suffix();
		create("hospitals-" + tag, "moph", "Hospital beds", "أسرة المستشفيات", List.of(tag, "مستشفيات"),
				List.of("health"));

		assertThat(texts(action("organization_list", null, 200).get("result"))).contains("bawaba", "moi", "mme", "moph");
		JsonNode organizations = action("organization_list", "all_fields=true", 200).get("result");
		assertThat(organizations.get(0).has("package_count")).isTrue();
		JsonNode moph = action("organization_show", "id=moph&include_datasets=true", 200).get("result");
		assertThat(moph.get("title").asString()).isEqualTo("Ministry of Public Health");
		assertThat(moph.get("is_organization").asBoolean()).isTrue();
		assertThat(moph.get("packages").toString()).contains("hospitals-" + tag);
		assertThat(action("organization_show", "id=nowhere", 404).get("error").get("__type").asString())
			.isEqualTo("Not Found Error");
		assertThat(action("organization_show", null, 409).get("error").get("__type").asString())
			.isEqualTo("Validation Error");

		assertThat(texts(action("group_list", null, 200).get("result"))).contains("health", "economy", "transport");
		JsonNode groups = action("group_list", "all_fields=true", 200).get("result");
		groups.forEach(group -> {
			if (group.get("name").asString().equals("health")) {
				assertThat(group.get("package_count").asInt()).isPositive();
				assertThat(group.get("dcat_theme").asString()).endsWith("/HEAL");
			}
		});
		assertThat(action("group_show", "id=unknown-theme", 404).get("success").asBoolean()).isFalse();

		assertThat(texts(action("tag_list", null, 200).get("result"))).contains(tag, "مستشفيات");
		assertThat(texts(action("tag_list", "query=" + tag, 200).get("result"))).containsExactly(tag);
	}

	@Test
	void resourceShowAndItsErrors() {
		String name = "bus-stops-" + suffix();
		String resourceId = datasetWithResource(name, "mme", MME_STAFF);
		JsonNode resource = action("resource_show", "id=" + resourceId, 200).get("result");
		assertThat(resource.get("id").asString()).isEqualTo(resourceId);
		assertThat(resource.get("name").asString()).isEqualTo("Data");
		assertThat(resource.get("name_translated").get("ar").asString()).isEqualTo("البيانات");
		assertThat(resource.get("url").asString()).isEqualTo("http://data.test/api/opendata/datastore/dump/" + resourceId);
		assertThat(resource.get("package_id").asString()).isNotBlank();

		assertThat(action("resource_show", "id=" + UUID.randomUUID(), 404).get("error").get("__type").asString())
			.isEqualTo("Not Found Error");
		assertThat(action("resource_show", "id=not-a-uuid", 404).get("success").asBoolean()).isFalse();
		assertThat(action("resource_show", null, 409).get("error").get("__type").asString()).isEqualTo("Validation Error");

		String secret = "secret-res-" + suffix();
		post("/datasets", datasetJson(secret, "mme", List.of(), List.of(), true), MME_STAFF);
		HttpResponse<String> added = post("/datasets/" + secret + "/resources",
				"{\"name\": {\"en\": \"Link\", \"ar\": \"رابط\"}, \"url\": \"https://example.org/data.csv\", \"format\": \"CSV\"}",
				MME_STAFF);
		String secretResource = json(added).get("id").asString();
		assertThat(action("resource_show", "id=" + secretResource, 403).get("error").get("__type").asString())
			.isEqualTo("Authorization Error");
		assertThat(json(get("/api/3/action/resource_show?id=" + secretResource, MME_STAFF)).get("result").get("url")
			.asString()).isEqualTo("https://example.org/data.csv");
	}

	private void create(String name, String organization, String en, String ar, List<String> tags,
			List<String> groups) {
		create(name, organization, en, ar, tags, groups, false);
	}

	private void create(String name, String organization, String en, String ar, List<String> tags,
			List<String> groups, boolean isPrivate) {
		String body = JSON.writeValueAsString(Map.of("name", name, "organization", organization, "title",
				Map.of("en", en, "ar", ar), "tags", tags, "groups", groups, "license", "odc-odbl", "private",
				isPrivate));
		HttpResponse<String> created = post("/datasets", body, organization.equals("moi") ? MOI_STAFF
				: organization.equals("mme") ? MME_STAFF : org.bawaba.platform.test.TestTokens.staff("s", organization));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static List<String> names(JsonNode result) {
		List<String> names = new ArrayList<>();
		result.get("results").forEach(dataset -> names.add(dataset.get("name").asString()));
		return names;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(item.asString()));
		return texts;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}


}
