package org.bawaba.eservices.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The sample catalogue names everything a person reads: every field of every form has a title in
 * English and Arabic, and every allowed value a label in both ({@code x-enum-titles}), so that no form
 * shows a code.
 */
class SampleCatalogueTest {

	@Test
	void everyFieldAndEveryAllowedValueHasATitleInBothLanguages() throws IOException {
		List<String> missing = new ArrayList<>();
		int enums = 0;
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/*.json")) {
			JsonNode catalogue;
			try (InputStream in = file.getInputStream()) {
				catalogue = JsonMapper.builder().build().readTree(in);
			}
			for (JsonNode service : catalogue.get("services")) {
				String code = service.get("code").asString();
				for (Map.Entry<String, JsonNode> property : service.path("form").path("properties").properties()) {
					JsonNode definition = property.getValue();
					if (!definition.hasNonNull("title") || !definition.hasNonNull("x-title-ar")) {
						missing.add(code + "/" + property.getKey());
					}
					for (JsonNode value : definition.path("enum")) {
						enums++;
						JsonNode label = definition.path("x-enum-titles").path(value.asString());
						if (!label.hasNonNull("en") || !label.hasNonNull("ar")) {
							missing.add(code + "/" + property.getKey() + "=" + value.asString());
						}
					}
				}
			}
		}
		assertThat(enums).isGreaterThan(10);
		assertThat(missing).isEmpty();
	}

}
