package org.bawaba.participation.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.participation.Text;
import org.bawaba.participation.shared.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * A draft (policy, regulation) an agency puts to the public, with sections and a comment period, and the
 * response report it publishes at the end.
 * @param state UPCOMING, OPEN or CLOSED, as of now
 */
record Consultation(UUID id, String agency, Text title, Text summary, List<Section> sections, Instant opensAt,
		Instant closesAt, @Nullable Text report, @Nullable Instant reportPublishedAt, String state) {

	record Section(UUID id, Text heading, Text body) {
	}

	/**
	 * A comment or a reply. A hidden comment stays in the thread, marked hidden with the moderator's reason,
	 * without its text.
	 * @param mine whether the caller wrote it
	 */
	record Comment(UUID id, @Nullable UUID sectionId, @Nullable UUID parentId, @Nullable String body, String language,
			Instant createdAt, int supports, boolean hidden, @Nullable Text hiddenReason, boolean mine) {
	}

	record NewConsultation(@NotNull @Valid Bilingual title, @NotNull @Valid Bilingual summary,
			@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid NewSection> sections, @NotNull Instant opensAt,
			@NotNull Instant closesAt) {
	}

	record NewSection(@NotNull @Valid Bilingual heading, @NotNull @Valid Bilingual body) {
	}

	record NewComment(@Nullable UUID sectionId, @Nullable UUID parentId, @NotBlank @Size(max = 5000) String body) {
	}

	record Hide(@NotNull @Valid Bilingual reason) {
	}

	record Report(@NotNull @Valid Bilingual report) {
	}

}
