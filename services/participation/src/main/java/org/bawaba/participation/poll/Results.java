package org.bawaba.participation.poll;

import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.participation.Text;
import org.jspecify.annotations.Nullable;

/**
 * A poll's results: ballots per option and their share of all ballots (for a multiple-choice poll the shares
 * add up to more than 100). Counts are null when fewer ballots than the poll's threshold were cast.
 */
record Results(UUID pollId, boolean closed, boolean suppressed, @Nullable Integer totalVotes,
		List<OptionResult> options) {

	record OptionResult(UUID optionId, Text label, @Nullable Integer votes, @Nullable Double percent) {
	}

}
