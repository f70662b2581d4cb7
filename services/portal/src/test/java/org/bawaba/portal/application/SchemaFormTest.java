package org.bawaba.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bawaba.portal.web.Lang;
import org.junit.jupiter.api.Test;

class SchemaFormTest {

	private static final Map<String, Object> SCHEMA = schema();

	@Test
	void aFieldPerPropertyWithItsLabelInThePagesLanguageAndTheRightInput() {
		List<SchemaForm.Field> fields = SchemaForm.fields(SCHEMA, Lang.AR, Map.of("park", "Aspire"),
				Map.of("floors", "must be at least 1"));
		assertThat(fields).extracting(SchemaForm.Field::name)
			.containsExactly("park", "date", "facility", "idNumber", "credentialId", "floors", "agree");
		assertThat(fields.get(0).label()).isEqualTo("الحديقة");
		assertThat(fields.get(0).value()).isEqualTo("Aspire");
		assertThat(fields.get(0).required()).isTrue();
		assertThat(fields.get(0).pattern()).isEqualTo("[A-Za-z ]+");
		assertThat(fields.get(1).input()).isEqualTo("date");
		assertThat(fields.get(2).input()).isEqualTo("select");
		assertThat(fields.get(2).options()).extracting(SchemaForm.Option::value).containsExactly("barbecue", "football");
		assertThat(fields.get(5).input()).isEqualTo("number");
		assertThat(fields.get(5).error()).isEqualTo("must be at least 1");
		assertThat(fields.get(5).required()).isFalse();
		assertThat(fields.get(6).input()).isEqualTo("checkbox");
		assertThat(SchemaForm.fields(SCHEMA, Lang.EN, Map.of(), Map.of()).get(0).label()).isEqualTo("Park");
	}

	@Test
	void anAllowedValueIsShownByItsLabelInThePagesLanguage() {
		SchemaForm.Field arabic = SchemaForm.fields(SCHEMA, Lang.AR, Map.of("facility", "football"), Map.of()).get(2);
		assertThat(arabic.options()).extracting(SchemaForm.Option::label).containsExactly("منطقة الشواء", "ملعب كرة القدم");
		assertThat(arabic.shown()).isEqualTo("ملعب كرة القدم");
		SchemaForm.Field english = SchemaForm.fields(SCHEMA, Lang.EN, Map.of("facility", "barbecue"), Map.of()).get(2);
		assertThat(english.shown()).isEqualTo("Barbecue area");
	}

	@Test
	void anInternalReferenceIsKnownSoThatPagesOfWhatWasFilledInLeaveItOut() {
		assertThat(SchemaForm.references(SCHEMA)).containsExactly("credentialId");
		assertThat(SchemaForm.references(null)).isEmpty();
	}

	@Test
	void aFieldThatNamesAClaimIsFilledFromTheSignIn() {
		assertThat(SchemaForm.prefilled(SCHEMA, Map.of("national_id", "28463400001")))
			.containsExactly(Map.entry("idNumber", "28463400001"));
		assertThat(SchemaForm.prefilled(SCHEMA, Map.of())).isEmpty();
	}

	@Test
	void theDataTheServiceExpects() {
		Map<String, Object> data = SchemaForm.data(SCHEMA,
				Map.of("park", "  Aspire ", "date", "", "facility", "football", "floors", "3", "_csrf", "x"));
		assertThat(data).containsEntry("park", "Aspire")
			.containsEntry("facility", "football")
			.containsEntry("floors", BigInteger.valueOf(3))
			.containsEntry("agree", false)
			.doesNotContainKeys("date", "_csrf");
		// what does not parse goes as typed, for the service to say what is wrong with it
		assertThat(SchemaForm.data(SCHEMA, Map.of("floors", "three"))).containsEntry("floors", "three");
		assertThat(SchemaForm.data(SCHEMA, Map.of("floors", "2.5"))).containsEntry("floors", new BigDecimal("2.5"));
		assertThat(SchemaForm.data(SCHEMA, Map.of("agree", "true"))).containsEntry("agree", true);
	}

	@Test
	void noSchemaNoFields() {
		assertThat(SchemaForm.fields(null, Lang.EN, Map.of(), Map.of())).isEmpty();
		assertThat(SchemaForm.data(Map.of("type", "object"), Map.of("a", "b"))).isEmpty();
	}

	private static Map<String, Object> schema() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("park", Map.of("type", "string", "title", "Park", "x-title-ar", "الحديقة", "pattern", "^[A-Za-z ]+$"));
		properties.put("date", Map.of("type", "string", "format", "date"));
		properties.put("facility", Map.of("type", "string", "enum", List.of("barbecue", "football"), "x-enum-titles",
				Map.of("barbecue", Map.of("en", "Barbecue area", "ar", "منطقة الشواء"), "football",
						Map.of("en", "Football pitch", "ar", "ملعب كرة القدم"))));
		properties.put("idNumber", Map.of("type", "string", "x-prefill", "token.national_id"));
		properties.put("credentialId", Map.of("type", "string", "format", "uuid", "x-prefill", "credential.id"));
		properties.put("floors", Map.of("type", "integer", "minimum", 1));
		properties.put("agree", Map.of("type", "boolean"));
		return Map.of("type", "object", "required", List.of("park", "date"), "properties", properties);
	}

}
