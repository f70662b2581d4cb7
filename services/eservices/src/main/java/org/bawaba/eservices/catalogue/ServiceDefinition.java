package org.bawaba.eservices.catalogue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A service as an agency defines it: in the import file and in the staff API.
 *
 * @param code unique catalogue code, e.g. {@code moi-passport-renewal}
 * @param title title in both languages
 * @param description description in both languages
 * @param category e.g. {@code travel}, {@code housing}
 * @param lifeEvent e.g. {@code having-a-baby}, {@code moving-house}; none for services tied to no life event
 * @param level maturity level 1 (informative) to 4 (integrated)
 * @param requiredDocuments documents the applicant attaches
 * @param fee the fee, none when free
 * @param processingDays expected processing time in working days
 * @param channels where the service is offered: {@code online}, {@code office}, {@code mobile}, {@code phone}
 * @param form the application form as a JSON Schema (draft 2020-12); required for levels 2 to 4
 * @param status where it is in the catalogue; new services default to {@code DRAFT}
 * @param steps level 4 only: the agencies' steps of an integrated service, each asked for when the citizen
 *     submits; the application completes when every step is done
 */
public record ServiceDefinition(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") String code,
		@NotNull @Valid Bilingual title, @NotNull @Valid Bilingual description,
		@NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String category,
		@Nullable @Pattern(regexp = "[a-z0-9-]{2,40}") String lifeEvent, @Min(1) @Max(4) int level,
		@Nullable @Size(max = 20) List<@Valid @NotNull RequiredDocument> requiredDocuments, @Nullable @Valid Fee fee,
		@Nullable @Positive Integer processingDays,
		@Nullable @Size(max = 6) List<@NotNull @Pattern(regexp = "online|office|mobile|phone|courier") String> channels,
		@Nullable JsonNode form, @Nullable ServiceStatus status,
		// --- newborn ---
		@Nullable @Size(max = 10) List<@Valid @NotNull ServiceStep> steps
		// --- end newborn ---
		) {

	// --- newborn ---
	List<ServiceStep> stepList() {
		return steps == null ? List.of() : steps;
	}
	// --- end newborn ---

	List<RequiredDocument> documents() {
		return requiredDocuments == null ? List.of() : requiredDocuments;
	}

	Fee effectiveFee() {
		return fee == null ? Fee.NONE : fee;
	}

	List<String> effectiveChannels() {
		return channels == null || channels.isEmpty() ? List.of("online") : channels;
	}

}
