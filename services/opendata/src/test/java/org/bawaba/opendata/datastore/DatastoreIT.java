package org.bawaba.opendata.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bawaba.opendata.OpendataIT;
import org.bawaba.platform.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Uploads (CSV with Arabic, JSON), type inference, datastore_search, downloads, versions, malformed files. */
class DatastoreIT extends OpendataIT {

	static final String HOSPITALS = """
			id,name,city,amount,active,opened,checked_at
			1,"مستشفى حمد العام",الدوحة,12.5,true,2024-01-15,2024-01-15T10:00:00
			2,"Al Wakra Hospital","الوكرة",7,false,2024-02-01,2024-02-01 08:30
			3,"مركز صحي, الريان",Al Rayyan,,TRUE,2024-03-10,
			""";

	@Test
	void csvWithArabicIsLoadedWithInferredTypesAndSearched() {
		String resource = datasetWithResource("hospitals-" + suffix(), "moph",
				org.bawaba.platform.test.TestTokens.staff("moph-1", "moph"));
		HttpResponse<String> loaded = upload(resource, HOSPITALS, "hospitals.csv",
				org.bawaba.platform.test.TestTokens.staff("moph-1", "moph"));
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
		JsonNode version = json(loaded);
		assertThat(version.get("version").asInt()).isEqualTo(1);
		assertThat(version.get("rows").asLong()).isEqualTo(3);
		assertThat(version.get("sha256").asString()).hasSize(64);
		assertThat(types(version.get("fields"))).containsExactly("id:int", "name:text", "city:text", "amount:numeric",
				"active:bool", "opened:date", "checked_at:timestamp");

		JsonNode all = search(resource, "").get("result");
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("total_was_estimated").asBoolean()).isFalse();
		assertThat(all.get("records_format").asString()).isEqualTo("objects");
		assertThat(types(all.get("fields"))).startsWith("_id:int");
		JsonNode first = all.get("records").get(0);
		assertThat(first.get("_id").asLong()).isEqualTo(1);
		assertThat(first.get("name").asString()).isEqualTo("مستشفى حمد العام");
		assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("12.5");
		assertThat(first.get("active").asBoolean()).isTrue();
		assertThat(first.get("opened").asString()).isEqualTo("2024-01-15");
		assertThat(first.get("checked_at").asString()).isEqualTo("2024-01-15T10:00");
		assertThat(all.get("records").get(2).get("amount").isNull()).isTrue();
		assertThat(all.get("records").get(2).get("name").asString()).isEqualTo("مركز صحي, الريان");

		assertThat(ids(search(resource, "&filters=" + encode("{\"city\": \"الدوحة\"}")))).containsExactly(1L);
		assertThat(ids(search(resource, "&filters=" + encode("{\"id\": [1, 3]}")))).containsExactly(1L, 3L);
		assertThat(ids(search(resource, "&filters=" + encode("{\"active\": true, \"amount\": 7}")))).isEmpty();
		assertThat(ids(search(resource, "&filters=" + encode("{\"active\": false, \"amount\": \"7\"}"))))
			.containsExactly(2L);
		// full text in Arabic: ى and ي, the article and hamza forms meet; prefixes match
		assertThat(ids(search(resource, "&q=" + encode("مستشفي")))).containsExactly(1L);
		assertThat(ids(search(resource, "&q=" + encode("الريان")))).containsExactly(3L);
		assertThat(ids(search(resource, "&q=" + encode("wakra hosp")))).containsExactly(2L);
		assertThat(ids(search(resource, "&q=" + encode("{\"city\": \"Rayyan\"}")))).containsExactly(3L);
		assertThat(ids(search(resource, "&sort=" + encode("amount asc")))).containsExactly(2L, 1L, 3L);
		assertThat(ids(search(resource, "&sort=" + encode("opened desc")))).containsExactly(3L, 2L, 1L);

		JsonNode page = search(resource, "&limit=1&offset=1&fields=" + encode("name,city")).get("result");
		assertThat(page.get("records").get(0).get("name").asString()).isEqualTo("Al Wakra Hospital");
		assertThat(page.get("records").get(0).has("amount")).isFalse();
		assertThat(page.get("records").get(0).has("_id")).isFalse();
		assertThat(page.get("limit").asInt()).isEqualTo(1);
		assertThat(page.get("offset").asInt()).isEqualTo(1);
		assertThat(page.get("_links").get("next").asString()).endsWith("offset=2");
		assertThat(page.get("total").asLong()).isEqualTo(3);

		// POST with a JSON body, as CKAN clients send it
		HttpResponse<String> posted = post("/api/3/action/datastore_search", "{\"resource_id\": \"" + resource
				+ "\", \"filters\": {\"city\": \"الوكرة\"}, \"include_total\": false}", null);
		assertThat(ids(json(posted))).containsExactly(2L);
		assertThat(json(posted).get("result").has("total")).isFalse();
	}

	@Test
	void datastoreSearchErrorsHaveCkansTypes() {
		String resource = loadedResource();
		assertThat(error(search(resource, "&filters=" + encode("{\"colour\": \"red\"}"), 409))).isEqualTo("Validation Error");
		JsonNode unknownField = search(resource, "&filters=" + encode("{\"colour\": \"red\"}"), 409);
		assertThat(unknownField.get("error").get("filters").toString()).contains("colour");
		assertThat(error(search(resource, "&filters=" + encode("{\"id\": \"one\"}"), 409))).isEqualTo("Validation Error");
		assertThat(error(search(resource, "&limit=-1", 409))).isEqualTo("Validation Error");
		assertThat(error(search(resource, "&limit=ten", 409))).isEqualTo("Validation Error");
		assertThat(error(search(resource, "&sort=" + encode("nothing desc"), 409))).isEqualTo("Validation Error");
		assertThat(error(search(resource, "&fields=" + encode("[\"ghost\"]"), 409))).isEqualTo("Validation Error");
		assertThat(error(search(resource, "&filters=" + encode("{bad json"), 409))).isEqualTo("Validation Error");
		assertThat(error(action("datastore_search", "resource_id=" + UUID.randomUUID(), 404))).isEqualTo("Not Found Error");
		assertThat(error(action("datastore_search", null, 409))).isEqualTo("Validation Error");
		String empty = datasetWithResource("empty-" + suffix(), "moi", MOI_STAFF);
		assertThat(error(action("datastore_search", "resource_id=" + empty, 404))).isEqualTo("Not Found Error");

		String secret = "secret-data-" + suffix();
		post("/datasets", datasetJson(secret, "moi", List.of(), List.of(), true), MOI_STAFF);
		String hidden = json(post("/datasets/" + secret + "/resources",
				"{\"name\": {\"en\": \"Data\", \"ar\": \"البيانات\"}}", MOI_STAFF)).get("id").asString();
		assertThat(upload(hidden, HOSPITALS, "h.csv", MOI_STAFF).statusCode()).isEqualTo(201);
		assertThat(error(action("datastore_search", "resource_id=" + hidden, 403))).isEqualTo("Authorization Error");
		assertThat(get("/api/3/action/datastore_search?resource_id=" + hidden, MOI_STAFF).statusCode()).isEqualTo(200);
		assertThat(get("/datastore/dump/" + hidden).statusCode()).isEqualTo(404);
	}

	@Test
	void downloadsAndPreviewAreCounted() {
		String resource = loadedResource();
		HttpResponse<String> csv = get("/datastore/dump/" + resource);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("id,name,city,amount,active,opened,checked_at\r\n1,مستشفى حمد العام,الدوحة,12.5,true");
		assertThat(csv.body()).contains("\"مركز صحي, الريان\"");
		HttpResponse<String> jsonDump = get("/datastore/dump/" + resource + "?format=json");
		JsonNode rows = json(jsonDump);
		assertThat(rows.size()).isEqualTo(3);
		assertThat(rows.get(1).get("city").asString()).isEqualTo("الوكرة");
		assertThat(get("/datastore/dump/" + resource + "?format=xml").statusCode()).isEqualTo(400);
		assertThat(isProblem(get("/datastore/dump/" + UUID.randomUUID()))).isTrue();

		JsonNode shown = action("resource_show", "id=" + resource, 200).get("result");
		assertThat(shown.get("download_count").asLong()).isEqualTo(2);
		assertThat(shown.get("datastore_active").asBoolean()).isTrue();
		assertThat(shown.get("format").asString()).isEqualTo("CSV");

		JsonNode preview = json(get("/resources/" + resource + "/preview?limit=2"));
		assertThat(preview.get("records").size()).isEqualTo(2);
		assertThat(preview.get("total").asLong()).isEqualTo(3);
		assertThat(types(preview.get("fields"))).contains("amount:numeric");
	}

	@Test
	void malformedFilesAreRejectedWithTheLineAndNothingChanges() {
		String resource = loadedResource();
		long tables = tables();

		HttpResponse<String> columns = upload(resource, "a,b,c\n1,2,3\n4,5\n6,7,8\n", "bad.csv", MOI_STAFF);
		assertRejected(columns, 3, "expected 3 values, found 2");

		HttpResponse<String> quote = upload(resource, "a,b\n1,2\n3,\"unclosed\n4,5\n", "bad.csv", MOI_STAFF);
		assertRejected(quote, 3, "never closed");

		ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
		latin1.writeBytes("name,city\nok,الدوحة\n".getBytes(StandardCharsets.UTF_8));
		latin1.writeBytes("caf".getBytes(StandardCharsets.UTF_8));
		latin1.write(0xE9);
		latin1.writeBytes(",Doha\n".getBytes(StandardCharsets.UTF_8));
		assertRejected(upload(resource, latin1.toByteArray(), "bad.csv", MOI_STAFF), 3, "not valid UTF-8");

		assertRejected(upload(resource, "a,a\n1,2\n", "bad.csv", MOI_STAFF), 1, "appears twice");
		assertRejected(upload(resource, "[{\"a\": 1}, {\"a\": ]", "bad.json", MOI_STAFF), 1, "invalid JSON");
		assertRejected(upload(resource, "{\"a\": 1}", "bad.json", MOI_STAFF), 1, "array of objects");
		// PostgreSQL itself refuses a NUL character: the table being loaded is rolled back
		assertRejected(upload(resource, "a,b\n1,x\u0000y\n", "nul.csv", MOI_STAFF), 2, "refused a value");

		HttpResponse<String> arabic = upload(resource, java.nio.file.Path.of("/dev/null"), "x.csv", MOI_STAFF, "ar");
		assertThat(arabic.statusCode()).isEqualTo(400);
		HttpResponse<String> arabicColumns = uploadArabic(resource, "a,b\n1\n");
		assertThat(json(arabicColumns).get("reason").asString()).isEqualTo("المتوقع 2 قيم، ووُجد 1");
		assertThat(json(arabicColumns).get("title").asString()).isEqualTo("رُفض الملف");

		// nothing changed: same version, same rows, no table left behind
		JsonNode shown = action("resource_show", "id=" + resource, 200).get("result");
		assertThat(shown.get("version").asInt()).isEqualTo(1);
		assertThat(search(resource, "").get("result").get("total").asLong()).isEqualTo(3);
		assertThat(json(get("/resources/" + resource + "/versions")).size()).isEqualTo(1);
		assertThat(tables()).isEqualTo(tables);
	}

	@Test
	void newVersionsReplaceTheCurrentOneAndEarlierOnesAreKept() {
		String resource = loadedResource();
		String json = "[{\"city\": \"الخور\", \"beds\": 120, \"extra\": {\"wing\": \"A\"}}, {\"city\": \"Doha\", \"beds\": null}]";
		HttpResponse<String> second = upload(resource, json, "beds.json", MOI_STAFF);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		assertThat(json(second).get("version").asInt()).isEqualTo(2);
		assertThat(types(json(second).get("fields"))).containsExactly("city:text", "beds:int", "extra:text");
		JsonNode current = search(resource, "").get("result");
		assertThat(current.get("total").asLong()).isEqualTo(2);
		assertThat(current.get("records").get(0).get("city").asString()).isEqualTo("الخور");
		assertThat(current.get("records").get(0).get("extra").asString()).isEqualTo("{\"wing\":\"A\"}");
		assertThat(get("/datastore/dump/" + resource + "?version=1").body()).contains("مستشفى حمد العام");

		for (int i = 3; i <= 4; i++) {
			assertThat(upload(resource, "n\n" + i + "\n", "n.csv", MOI_STAFF).statusCode()).isEqualTo(201);
		}
		JsonNode versions = json(get("/resources/" + resource + "/versions"));
		assertThat(versions.size()).isEqualTo(4);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(4);
		assertThat(versions.get(0).get("loadedBy").asString()).isEqualTo("moi-staff-1");
		assertThat(versions.get(3).get("available").asBoolean()).isFalse();
		assertThat(versions.get(2).get("available").asBoolean()).isTrue();
		assertThat(get("/datastore/dump/" + resource + "?version=1").statusCode()).isEqualTo(400);
		assertThat(get("/datastore/dump/" + resource + "?version=2").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyTheAgencysStaffLoadData() {
		String resource = loadedResource();
		HttpResponse<String> otherAgency = upload(resource, "a\n1\n", "a.csv", MME_STAFF);
		assertThat(otherAgency.statusCode()).isEqualTo(403);
		assertThat(isProblem(otherAgency)).isTrue();
		assertThat(upload(resource, "a\n1\n", "a.csv", null).statusCode()).isEqualTo(401);
		assertThat(upload(resource, "a\n1\n", "a.csv", org.bawaba.platform.test.TestTokens.citizen("c-1")).statusCode())
			.isEqualTo(403);
		assertThat(upload(UUID.randomUUID().toString(), "a\n1\n", "a.csv", MOI_STAFF).statusCode()).isEqualTo(404);
		assertThat(upload(resource, "a\n1\n", "a.csv", org.bawaba.platform.test.TestTokens.platformAdmin()).statusCode())
			.isEqualTo(201);
	}

	private HttpResponse<String> uploadArabic(String resource, String content) {
		try {
			java.nio.file.Path file = java.nio.file.Files.createTempFile("ar-", ".csv");
			java.nio.file.Files.writeString(file, content);
			return upload(resource, file, "ar.csv", MOI_STAFF, "ar");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void assertRejected(HttpResponse<String> response, long line, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(isProblem(response)).isTrue();
		JsonNode problem = json(response);
		assertThat(problem.get("type").asString()).endsWith("/malformed-file");
		assertThat(problem.get("line").asLong()).as(response.body()).isEqualTo(line);
		assertThat(problem.get("reason").asString()).contains(reason);
		assertThat(problem.get("reasons").get("ar").asString()).isNotBlank();
	}

	private String loadedResource() {
		String resource = datasetWithResource("loaded-" + suffix(), "moi", MOI_STAFF);
		HttpResponse<String> loaded = upload(resource, HOSPITALS, "hospitals.csv", MOI_STAFF);
		assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
		return resource;
	}

	private JsonNode search(String resource, String query) {
		return search(resource, query, 200);
	}

	private JsonNode search(String resource, String query, int status) {
		return action("datastore_search", "resource_id=" + resource + query, status);
	}

	private static String error(JsonNode body) {
		assertThat(body.get("success").asBoolean()).isFalse();
		return body.get("error").get("__type").asString();
	}

	private static List<Long> ids(JsonNode body) {
		List<Long> ids = new ArrayList<>();
		body.get("result").get("records").forEach(record -> ids.add(record.get("_id").asLong()));
		return ids;
	}

	private static List<String> types(JsonNode fields) {
		List<String> types = new ArrayList<>();
		fields.forEach(field -> types.add(field.get("id").asString() + ":" + field.get("type").asString()));
		return types;
	}

	private static long tables() {
		return TestDatabase.count(DATABASE, "select count(*) from pg_tables where schemaname = 'datastore'");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
