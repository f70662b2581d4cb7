package org.bawaba.eservices.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogueIT extends EservicesIT {

	static final String MME_STAFF = TestTokens.staff("mme-staff", "mme");

	static final String MOI_STAFF = TestTokens.staff("moi-staff", "moi");

	@Test
	void theSampleCatalogueIsLoadedThroughTheImportAtLeast40ServicesSixAgenciesAllLevels() {
		JsonNode page = json(get("/services?size=100", null));
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(40);
		List<JsonNode> items = page.get("items").valueStream().toList();
		assertThat(items.stream().map(s -> s.get("agency").asString()).collect(Collectors.toSet()))
			.hasSizeGreaterThanOrEqualTo(6)
			.contains("moi", "mme");
		assertThat(items.stream().map(s -> s.get("level").asInt()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(1, 2, 3, 4);
		assertThat(items).allSatisfy(service -> {
			assertThat(service.get("title").get("en").asString()).isNotBlank();
			assertThat(service.get("title").get("ar").asString()).matches(".*[\\u0600-\\u06FF].*");
		});
		assertThat(items.stream().filter(s -> s.get("level").asInt() >= 2)).allSatisfy(
				service -> assertThat(service.get("form").get("type").asString()).isEqualTo("object"));
	}

	@Test
	void searchFindsEnglishWordsWholePartialAndMisspelt() {
		assertThat(codes("/services?q=passport")).first().isEqualTo("moi-passport-renewal");
		assertThat(codes("/services?q=passp")).contains("moi-passport-renewal");
		assertThat(codes("/services?q=pasport")).contains("moi-passport-renewal");
		assertThat(codes("/services?q=renew%20driving")).first().isEqualTo("moi-driving-licence-renewal");
		assertThat(codes("/services?q=interior")).isNotEmpty().allMatch(code -> code.startsWith("moi-"));
		assertThat(codes("/services?q=xylophone")).isEmpty();
	}

	@Test
	void searchFindsArabicWordsWhateverTheirSpellingOfAlefTaMarbutaDiacriticsAndArticle() {
		assertThat(codes("/services?q=" + encode("جواز السفر"))).first().isEqualTo("moi-passport-renewal");
		assertThat(codes("/services?q=" + encode("جَوَاز"))).contains("moi-passport-renewal");
		assertThat(codes("/services?q=" + encode("البطاقه الشخصيه"))).contains("moi-id-card-renewal");
		assertThat(codes("/services?q=" + encode("إستمارة"))).contains("moi-vehicle-registration-renewal");
		assertThat(codes("/services?q=" + encode("رخصـــة القيادة"))).first().isEqualTo("moi-driving-licence-renewal");
	}

	@Test
	void filtersPagesAndSort() {
		assertThat(codes("/services?agency=mme&level=4")).containsExactly("mme-address-change");
		JsonNode baby = json(get("/services?lifeEvent=having-a-baby&size=100", null));
		assertThat(baby.get("items").valueStream().map(s -> s.get("lifeEvent").asString()))
			.isNotEmpty()
			.allMatch("having-a-baby"::equals);
		JsonNode vehicles = json(get("/services?category=vehicles&sort=title", null));
		assertThat(vehicles.get("items").valueStream().map(s -> s.get("title").get("en").asString()).toList())
			.isSortedAccordingTo(String::compareTo)
			.hasSize(3);

		JsonNode first = json(get("/services?size=5&page=0&sort=fee", null));
		JsonNode second = json(get("/services?size=5&page=1&sort=fee", null));
		assertThat(first.get("items").size()).isEqualTo(5);
		assertThat(second.get("total").asLong()).isEqualTo(first.get("total").asLong());
		assertThat(second.get("items").get(0).get("fee").get("amount").decimalValue())
			.isGreaterThanOrEqualTo(first.get("items").get(4).get("fee").get("amount").decimalValue());

		HttpResponse<String> badSize = get("/services?size=1000", null);
		assertThat(badSize.statusCode()).isEqualTo(400);
		assertThat(isProblem(badSize)).isTrue();
	}

	@Test
	void staffCreateEditPublishAndRetireTheirOwnAgencysServicesOnly() {
		String body = definition("mme-beach-permit", 3, FORM);
		HttpResponse<String> created = post("/services", body, MME_STAFF);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
		assertThat(json(created).get("agency").asString()).isEqualTo("mme");

		assertThat(get("/services/mme-beach-permit", null).statusCode()).isEqualTo(404);
		assertThat(get("/services/mme-beach-permit", MOI_STAFF).statusCode()).isEqualTo(404);
		assertThat(get("/services/mme-beach-permit", MME_STAFF).statusCode()).isEqualTo(200);
		assertThat(codes("/services?q=beach")).doesNotContain("mme-beach-permit");

		HttpResponse<String> otherAgency = put("/services/mme-beach-permit", body, MOI_STAFF);
		assertThat(otherAgency.statusCode()).isEqualTo(403);
		assertThat(json(otherAgency).get("type").asString()).endsWith("/forbidden-other-agency");
		assertThat(post("/services/mme-beach-permit/publish", "", MOI_STAFF).statusCode()).isEqualTo(403);

		HttpResponse<String> edited = put("/services/mme-beach-permit",
				body.replace("Beach camping permit", "Beach camping and barbecue permit"), MME_STAFF);
		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(post("/services/mme-beach-permit/publish", "", MME_STAFF).statusCode()).isEqualTo(200);
		assertThat(codes("/services?q=barbecue%20beach")).contains("mme-beach-permit");
		assertThat(codes("/services?q=" + encode("تخييم"))).contains("mme-beach-permit");

		assertThat(post("/services/mme-beach-permit/retire", "", MME_STAFF).statusCode()).isEqualTo(200);
		assertThat(codes("/services?q=beach")).doesNotContain("mme-beach-permit");
	}

	@Test
	void badCatalogueInputIsProblemJsonInBothLanguagesAndStoresNothing() {
		long before = TestDatabase.count(DATABASE, "select count(*) from eservice");

		HttpResponse<String> noForm = post("/services", definition("mme-no-form", 3, null), MME_STAFF);
		assertThat(noForm.statusCode()).isEqualTo(400);
		assertThat(isProblem(noForm)).isTrue();
		JsonNode error = json(noForm).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("form");
		assertThat(error.get("messages").get("ar").asString()).contains("نموذج");

		HttpResponse<String> badSchema = post("/services",
				definition("mme-bad-schema", 2, "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"nonsense\"}}}"),
				MME_STAFF);
		assertThat(badSchema.statusCode()).isEqualTo(400);

		HttpResponse<String> noArabic = post("/services",
				definition("mme-no-arabic", 1, null).replace("\"ar\":\"تصريح تخييم على الشاطئ\"", "\"ar\":\"\""),
				MME_STAFF);
		assertThat(noArabic.statusCode()).isEqualTo(400);
		assertThat(json(noArabic).get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("title.ar");

		assertThat(post("/services", "{not json", MME_STAFF).statusCode()).isEqualTo(400);
		assertThat(post("/services", definition("mme-by-citizen", 1, null), TestTokens.citizen("c-1")).statusCode())
			.isEqualTo(403);
		assertThat(post("/services", definition("mme-anonymous", 1, null), null).statusCode()).isEqualTo(401);
		assertThat(TestDatabase.count(DATABASE, "select count(*) from eservice")).isEqualTo(before);

		HttpResponse<String> arabic = getArabic("/services/no-such-service");
		assertThat(arabic.statusCode()).isEqualTo(404);
		assertThat(json(arabic).get("title").asString()).isEqualTo("الخدمة غير موجودة");
	}

	@Test
	void anAgencyImportsItsCatalogueFileAndOnlyItsOwn() {
		String file = """
				{"agency":{"code":"mme","name":{"en":"Ministry of Municipality and Environment","ar":"وزارة البلدية والبيئة"}},
				 "services":[%s]}""".formatted(definition("mme-tree-planting", 1, null));
		HttpResponse<String> foreign = put("/agencies/mme/catalogue", file, MOI_STAFF);
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(codes("/services?q=beach%20camping%20tree")).doesNotContain("mme-tree-planting");

		HttpResponse<String> imported = put("/agencies/mme/catalogue", file, TestTokens.admin("mme-admin", "mme"));
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(json(imported).get("created").asInt()).isEqualTo(1);
		assertThat(get("/services/mme-tree-planting", null).statusCode()).isEqualTo(200);

		String stealing = file.replace("mme-tree-planting", "moi-passport-renewal");
		HttpResponse<String> conflict = put("/agencies/mme/catalogue", stealing, MME_STAFF);
		assertThat(conflict.statusCode()).isEqualTo(400);
		assertThat(json(get("/services/moi-passport-renewal", null)).get("agency").asString()).isEqualTo("moi");
	}

	static final String FORM = """
			{"type":"object","required":["beach"],"properties":{"beach":{"type":"string","minLength":2}}}""";

	static String definition(String code, int level, String form) {
		return """
				{"code":"%s","title":{"en":"Beach camping permit","ar":"تصريح تخييم على الشاطئ"},
				 "description":{"en":"Camp on a public beach for up to three nights.","ar":"التخييم على شاطئ عام حتى ثلاث ليال."},
				 "category":"leisure","level":%d,"fee":{"amount":20,"currency":"QAR"},"channels":["online"]%s}"""
			.formatted(code, level, form == null ? "" : ",\"form\":" + form);
	}

	private List<String> codes(String path) {
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("items").valueStream().map(s -> s.get("code").asString()).toList();
	}

}
