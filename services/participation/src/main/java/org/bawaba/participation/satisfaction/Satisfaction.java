package org.bawaba.participation.satisfaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.participation.Text;
import org.bawaba.participation.shared.Bilingual;
import org.jspecify.annotations.Nullable;

/** The records of satisfaction measurement. */
final class Satisfaction {

	private Satisfaction() {
	}

	/** An invitation to rate a completed online service; answered once. */
	record Invitation(UUID id, UUID applicationId, String serviceCode, String agency, Instant completedAt,
			Instant invitedAt, @Nullable Integer score, @Nullable String comment, @Nullable Instant answeredAt) {
	}

	/** 1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied. */
	record Answer(@NotNull @Min(1) @Max(5) Integer score, @Nullable @Size(max = 2000) String comment) {
	}

	/**
	 * The indicator of one agency (serviceCode null) or one of its services, in one month. Fewer responses than
	 * the suppression threshold: {@code suppressed}, and no counts or share (someone who knows who answered could
	 * otherwise read their answers), as poll results.
	 */
	record Indicator(String month, String agency, @Nullable String serviceCode, @Nullable Integer responses,
			@Nullable Integer satisfied, @Nullable Double share, boolean suppressed) {
	}

	record Survey(UUID id, String agency, @Nullable String serviceCode, Text title, Text question, Instant opensAt,
			Instant closesAt, String state) {
	}

	record NewSurvey(@Nullable @Pattern(regexp = "[a-z0-9-]{2,80}") String serviceCode, @NotNull @Valid Bilingual title,
			@NotNull @Valid Bilingual question, @NotNull Instant opensAt, @NotNull Instant closesAt) {
	}

	/** Answers per score (1-5), their average and the share of 4 and 5; all null when suppressed (too few answers). */
	record SurveyResults(UUID surveyId, @Nullable Integer responses, @Nullable Map<Integer, Integer> scores,
			@Nullable Double average, @Nullable Double satisfiedShare, boolean suppressed) {
	}

	record Published(String month, List<Indicator> indicators) {
	}

}
