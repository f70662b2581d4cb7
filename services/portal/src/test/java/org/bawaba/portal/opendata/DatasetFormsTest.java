package org.bawaba.portal.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class DatasetFormsTest {

	@Test
	void aSearchFiltersByThePickedThemeAndPublisherAndIgnoresAnythingThatIsNotAName() {
		DatasetSearch search = new DatasetSearch("  population ", "health", "moi", -3);
		assertThat(search.q()).isEqualTo("population");
		assertThat(search.fq()).isEqualTo("groups:health organization:moi");
		assertThat(search.page()).isZero();
		assertThat(search.sort()).startsWith("score desc");

		DatasetSearch injected = new DatasetSearch("", "health OR private:true", "moi\" x", 2);
		assertThat(injected.fq()).isEmpty();
		assertThat(injected.start()).isEqualTo(2 * DatasetSearch.PAGE_SIZE);
		assertThat(injected.sort()).isEqualTo("metadata_modified desc");
	}

	@Test
	void theNewDatasetFormBecomesTheServicesRequestForTheStaffMembersAgency() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", " births-2025 ");
		form.add("title.en", "Births");
		form.add("title.ar", "المواليد");
		form.add("notes.en", "");
		form.add("notes.ar", "");
		form.add("tags", "births, health ،مواليد,,health");
		form.add("groups", "health");
		form.add("groups", "population");
		form.add("license", "cc-by");
		form.add("frequency", "");
		form.add("private", "true");

		Map<String, Object> request = DatasetForm.request(form, "moph");

		assertThat(request).containsEntry("name", "births-2025")
			.containsEntry("organization", "moph")
			.containsEntry("title", Map.of("en", "Births", "ar", "المواليد"))
			.containsEntry("tags", List.of("births", "health", "مواليد"))
			.containsEntry("groups", List.of("health", "population"))
			.containsEntry("license", "cc-by")
			.containsEntry("private", true)
			.doesNotContainKeys("notes", "frequency");
	}

	@Test
	void aJsonFileIsLoadedAsJsonAndAnythingElseAsCsv() {
		assertThat(StaffDatasetPages.format(new MockMultipartFile("file", "rows.JSON", null, new byte[1]))).isEqualTo("JSON");
		assertThat(StaffDatasetPages.format(new MockMultipartFile("file", "rows.csv", null, new byte[1]))).isEqualTo("CSV");
		assertThat(StaffDatasetPages.format(new MockMultipartFile("file", null, null, new byte[1]))).isEqualTo("CSV");
	}

}
