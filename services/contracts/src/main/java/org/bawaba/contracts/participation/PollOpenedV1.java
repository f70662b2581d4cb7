package org.bawaba.contracts.participation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.Topics;

/**
 * A poll opened for votes (published when its opening time arrives). Key: pollId.
 *
 * @param pollId the poll
 * @param agency the agency that runs it
 * @param question the question, in English and Arabic
 * @param audience who may vote
 * @param opensAt when voting opens
 * @param closesAt when voting closes
 * @param multipleChoice whether a voter may choose more than one option
 * @param options the options, in order
 */
@EventType(value = PollOpenedV1.TYPE, topic = Topics.PARTICIPATION_POLLS)
public record PollOpenedV1(UUID pollId, String agency, Text question, PollAudience audience, Instant opensAt,
		Instant closesAt, boolean multipleChoice, List<PollOption> options) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.poll.opened.v1";

	@Override
	public String entityId() {
		return pollId.toString();
	}

	/**
	 * An option of a poll.
	 * @param optionId the option
	 * @param label its label
	 */
	public record PollOption(UUID optionId, Text label) {
	}

}
