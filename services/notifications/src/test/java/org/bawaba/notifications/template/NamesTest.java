package org.bawaba.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.http.HttpStatus;

/** The names of an event's codes, as the e-services catalogue answers them (its JSON as it is). */
class NamesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AGENCIES = """
			[{"code":"moph","name":{"en":"Ministry of Public Health","ar":"وزارة الصحة العامة"}},
			 {"code":"msd","name":{"en":"Ministry of Social Development","ar":"وزارة التنمية الاجتماعية"}}]""";

	private static final String SERVICE = """
			{"code":"moph-birth-certificate","agency":"moph",
			 "title":{"en":"Register a birth","ar":"تسجيل مولود"},
			 "steps":[{"step":"child-allowance","agency":"msd","title":{"en":"Child allowance","ar":"علاوة الطفل"},
			           "deadline":"P3D"}]}""";

	private final List<String> asked = new ArrayList<>();

	private final Names names = new Names(path -> {
		asked.add(path);
		return switch (path) {
			case "/agencies" -> JSON.readTree(AGENCIES);
			case "/services/moph-birth-certificate" -> JSON.readTree(SERVICE);
			default -> throw HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, null, null);
		};
	});

	private final TemplateRenderer renderer = new TemplateRenderer(new StaticMessageSource(), java.time.ZoneId.of("Asia/Qatar"));

	@Test
	void anEventsCodesAreReadByTheirNamesInEachLanguage() {
		JsonNode data = JSON.readTree("""
				{"serviceCode":"moph-birth-certificate","agency":"moph","stepAgency":"msd","step":"child-allowance"}""");
		JsonNode named = names.withNames(data);
		String text = "{{serviceName}} · {{agencyName}} · {{stepAgencyName}} · {{stepName}}";
		assertThat(renderer.fill(text, named, Locale.ENGLISH, java.util.Map.of()))
			.isEqualTo("Register a birth · Ministry of Public Health · Ministry of Social Development · Child allowance");
		assertThat(renderer.fill(text, named, Locale.forLanguageTag("ar"), java.util.Map.of()))
			.isEqualTo("تسجيل مولود · وزارة الصحة العامة · وزارة التنمية الاجتماعية · علاوة الطفل");
		// the event itself is not changed, and the catalogue is asked once per code
		assertThat(data.has("serviceName")).isFalse();
		names.withNames(data);
		assertThat(asked).containsExactlyInAnyOrder("/services/moph-birth-certificate", "/agencies");
	}

	@Test
	void whatTheCatalogueDoesNotKnowIsNamedInWordsNeverByItsCode() {
		JsonNode named = names.withNames(JSON.readTree("""
				{"serviceCode":"xyz-unknown","agency":"xyz"}"""));
		assertThat(renderer.fill("{{serviceName}} / {{agencyName}}", named, Locale.ENGLISH, java.util.Map.of()))
			.isEqualTo("your service / the agency");
		assertThat(renderer.fill("{{serviceName}} / {{agencyName}}", named, Locale.forLanguageTag("ar"), java.util.Map.of()))
			.isEqualTo("الخدمة / الجهة");
	}

	@Test
	void whileTheCatalogueCannotBeReachedNamesAreGeneralAndAskedAgainLater() {
		List<String> tries = new ArrayList<>();
		Names unreachable = new Names(path -> {
			tries.add(path);
			throw new IllegalStateException("no instance of eservices");
		});
		JsonNode data = JSON.readTree("{\"agency\":\"moi\"}");
		assertThat(unreachable.withNames(data).get("agencyName").get("en").asString()).isEqualTo("the agency");
		unreachable.withNames(data);
		assertThat(tries).hasSize(2);
	}

	@Test
	void anInstantIsReadAsADateAndATimeInTheCountrysZone() {
		JsonNode data = JSON.readTree("{\"dueAt\":\"2026-12-14T05:13:09.814882Z\"}");
		String english = renderer.fill("by {{dueAt}}", data, Locale.ENGLISH, java.util.Map.of());
		assertThat(english).contains("2026").contains("8:13").doesNotContain("T05").doesNotContain("Z");
		String arabic = renderer.fill("قبل {{dueAt}}", data, Locale.forLanguageTag("ar"), java.util.Map.of());
		assertThat(arabic).doesNotContain("T05").doesNotContain("Z").matches("(?s).*[\\u0600-\\u06FF].*");
	}

	@Test
	void aSectionIsShownOnlyWhenItsFieldHasAValue() {
		String body = "Told.{{#failed}} Could not update: {{failed}}.{{/failed}}{{^updated}} None updated.{{/updated}}";
		JsonNode none = JSON.readTree("{\"failed\":[],\"updated\":[]}");
		assertThat(renderer.fill(body, none, Locale.ENGLISH, java.util.Map.of())).isEqualTo("Told. None updated.");
		JsonNode some = JSON.readTree("""
				{"failed":[{"agency":"ewa","en":"Electricity and Water Authority","ar":"هيئة الكهرباء والماء"}],
				 "updated":[{"agency":"moi","en":"Ministry of Interior","ar":"وزارة الداخلية"}]}""");
		assertThat(renderer.fill(body, some, Locale.ENGLISH, java.util.Map.of()))
			.isEqualTo("Told. Could not update: Electricity and Water Authority.");
		assertThat(TemplateRenderer.malformed(body)).isEmpty();
		assertThat(TemplateRenderer.malformed("{{#failed}}x{{failed}")).isNotEmpty();
	}

}
