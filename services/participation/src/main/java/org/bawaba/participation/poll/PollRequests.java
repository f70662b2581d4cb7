package org.bawaba.participation.poll;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bawaba.contracts.participation.PollAudience;
import org.bawaba.participation.shared.Bilingual;
import org.jspecify.annotations.Nullable;

final class PollRequests {

	private PollRequests() {
	}

	/**
	 * A new poll (agency staff; the agency is theirs).
	 * @param maxChoices for a multiple-choice poll, how many options a voter may choose (default: all)
	 * @param suppressionThreshold results with fewer ballots are suppressed (default and minimum configured)
	 */
	record NewPoll(@NotNull @Valid Bilingual question, @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid Bilingual> options,
			boolean multipleChoice, @Nullable @Min(1) Integer maxChoices, @NotNull Instant opensAt,
			@NotNull Instant closesAt, @NotNull PollAudience audience, @NotNull ResultsVisibility resultsVisibility,
			@Nullable @Min(0) @Max(1000) Integer suppressionThreshold) {
	}

	/** A ballot: the chosen options (one for a single-choice poll). */
	record Vote(@NotNull @Size(min = 1, max = 20) List<@NotNull UUID> optionIds) {
	}

	/**
	 * What a voter gets back.
	 * @param receipt the code that shows the ballot was counted ({@code GET /polls/{id}/receipts/{receipt}}),
	 * given once, with the first vote; null on a repeat
	 * @param firstVote true the first time; false for a repeat, which changed nothing
	 */
	record Receipt(UUID pollId, @org.jspecify.annotations.Nullable String receipt, boolean firstVote) {
	}

	record ReceiptCheck(UUID pollId, String receipt, boolean counted) {
	}

}
