package org.bawaba.eservices.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Catalogue search parameters.
 * @param q words in English or Arabic; partial and misspelt words match too
 * @param agency agency code
 * @param category category code
 * @param lifeEvent life event code
 * @param level maturity level
 * @param sort {@code relevance} (default with q), {@code title} (default without), {@code level}, {@code fee},
 *        {@code updated}
 * @param lang language for sorting by title, {@code en} (default) or {@code ar}
 * @param page page number from 0
 * @param size page size, 1 to 100
 */
record SearchCriteria(@Nullable @Size(max = 200) String q, @Nullable String agency, @Nullable String category,
		@Nullable String lifeEvent, @Nullable @Min(1) @Max(4) Integer level,
		@Nullable @Pattern(regexp = "relevance|title|level|fee|updated") String sort,
		@Nullable @Pattern(regexp = "en|ar") String lang, @Nullable @Min(0) @Max(10000) Integer page,
		@Nullable @Min(1) @Max(100) Integer size) {

	int pageOrDefault() {
		return page == null ? 0 : page;
	}

	int sizeOrDefault() {
		return size == null ? 20 : size;
	}

}
