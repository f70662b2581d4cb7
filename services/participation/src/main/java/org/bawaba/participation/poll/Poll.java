package org.bawaba.participation.poll;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.participation.PollAudience;
import org.bawaba.contracts.participation.Text;
import org.jspecify.annotations.Nullable;

/**
 * A poll as everyone may read it.
 * @param state UPCOMING, OPEN or CLOSED, as of now
 * @param voted whether the caller has voted (signed-in callers only)
 */
record Poll(UUID id, String agency, Text question, List<Option> options, boolean multipleChoice, int maxChoices,
		PollAudience audience, ResultsVisibility resultsVisibility, int suppressionThreshold, Instant opensAt,
		Instant closesAt, @Nullable Instant closedAt, String state, @Nullable Boolean voted) {

	record Option(UUID id, Text label) {
	}

	boolean acceptsVotesAt(Instant now) {
		return closedAt == null && !now.isBefore(opensAt) && now.isBefore(closesAt);
	}

	boolean closed() {
		return closedAt != null;
	}

	Poll withState(Instant now, @Nullable Boolean voted) {
		String state = closedAt != null || !now.isBefore(closesAt) ? "CLOSED" : now.isBefore(opensAt) ? "UPCOMING" : "OPEN";
		return new Poll(id, agency, question, options, multipleChoice, maxChoices, audience, resultsVisibility,
				suppressionThreshold, opensAt, closesAt, closedAt, state, voted);
	}

}
