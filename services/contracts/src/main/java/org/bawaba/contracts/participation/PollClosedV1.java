package org.bawaba.contracts.participation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * A poll closed; its results. Counts are null when suppressed (fewer votes than the poll's threshold),
 * so a tiny audience's choices cannot be told apart. Published exactly once per poll. Key: pollId.
 *
 * @param pollId the poll
 * @param agency the agency that ran it
 * @param question the question, in English and Arabic
 * @param multipleChoice whether a voter could choose more than one option
 * @param options every option with its votes
 * @param totalVotes the number of voters (ballots), null when suppressed
 * @param suppressed whether the counts are suppressed
 * @param closedAt when it closed
 * @param audience who could vote
 */
@EventType(value = PollClosedV1.TYPE, topic = Topics.PARTICIPATION_POLLS)
public record PollClosedV1(UUID pollId, String agency, Text question, boolean multipleChoice,
		List<OptionResult> options, @OptionalField Integer totalVotes, boolean suppressed, Instant closedAt,
		PollAudience audience) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.poll.closed.v1";

	@Override
	public String entityId() {
		return pollId.toString();
	}

	/**
	 * An option's result.
	 * @param optionId the option
	 * @param label its label
	 * @param votes ballots that chose it, null when suppressed
	 */
	public record OptionResult(UUID optionId, Text label, @OptionalField Integer votes) {
	}

}
