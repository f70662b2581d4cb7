package org.bawaba.procurement.tender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.procurement.web.Text;
import org.jspecify.annotations.Nullable;

/** Request bodies of the tenders API. */
final class Requests {

	private Requests() {
	}

	/**
	 * A tender as its agency writes it (a draft, or the new text of an amendment). Texts stored in
	 * {@code varchar(n)} columns are limited to n characters here ({@code SchemaLimitsIT} holds them to the
	 * schema); the description is {@code text}.
	 */
	record TenderText(@NotNull @Valid Title title, @NotNull @Valid Text description,
			@NotBlank @Size(max = 40) String category, @NotNull @Valid Money estimatedValue,
			@Nullable @Size(max = 20) List<@Valid Document> documents,
			@Nullable @Size(max = 20) List<@Valid Criterion> criteria, @NotNull Instant clarificationDeadline,
			@NotNull Instant submissionDeadline, @NotNull Instant openingTime) {
	}

	/** A tender's title in English and Arabic: columns {@code tender.title_en}, {@code title_ar}. */
	record Title(@NotBlank @Size(max = 300) String en, @NotBlank @Size(max = 300) String ar) {
	}

	record Money(@NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal amount,
			@NotBlank @Size(max = 3) @Pattern(regexp = "^[A-Z]{3}$") String currency) {
	}

	record Document(@NotNull @Valid Text title,
			@NotBlank @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$") String url,
			@Nullable @Size(max = 100) String format) {
	}

	record Criterion(@NotNull @Valid Text name, @Min(1) @Max(100) int weight) {
	}

	/** An amendment: why, and the tender's new text. */
	record Amendment(@NotBlank @Size(max = 2000) String rationale, @NotNull @Valid TenderText tender) {
	}

	/** Why a tender is cancelled. */
	record Cancellation(@NotBlank @Size(max = 2000) String reason) {
	}

	/** A supplier's question. */
	record Question(@NotBlank @Size(max = 4000) String question) {
	}

	/** The agency's answer, in both languages. */
	record Answer(@NotNull @Valid Text answer) {
	}

}
