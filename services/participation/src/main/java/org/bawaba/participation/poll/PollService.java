package org.bawaba.participation.poll;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.participation.PollAudience;
import org.bawaba.contracts.participation.PollClosedV1;
import org.bawaba.contracts.participation.PollOpenedV1;
import org.bawaba.participation.poll.PollRequests.NewPoll;
import org.bawaba.participation.poll.PollRequests.Receipt;
import org.bawaba.participation.shared.Callers;
import org.bawaba.participation.shared.Messages;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, voting in, closing polls and reading their results. */
@Service
class PollService {

	/** Digits 4-6 of a national id: the holder's nationality; 634 is the country's own. */
	static final String NATIONAL_COUNTRY_CODE = "634";

	private final PollRepository polls;

	private final BallotBox ballots;

	private final EventPublisher events;

	private final PollProperties properties;

	private final Messages messages;

	private final Clock clock;

	PollService(PollRepository polls, BallotBox ballots, EventPublisher events, PollProperties properties,
			Messages messages, Clock clock) {
		this.polls = polls;
		this.ballots = ballots;
		this.events = events;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional
	Poll create(Caller caller, NewPoll request) {
		String agency = Callers.staffAgency(caller);
		Instant now = clock.instant();
		if (!request.closesAt().isAfter(request.opensAt())) {
			throw messages.invalid("closesAt", "poll.closes-before-opening");
		}
		if (!request.closesAt().isAfter(now)) {
			throw messages.invalid("closesAt", "poll.closes-in-past");
		}
		int maxChoices = !request.multipleChoice() ? 1
				: request.maxChoices() == null ? request.options().size() : request.maxChoices();
		if (maxChoices > request.options().size()) {
			throw messages.invalid("maxChoices", "poll.max-choices", request.options().size());
		}
		int threshold = request.suppressionThreshold() == null ? properties.defaultSuppressionThreshold()
				: request.suppressionThreshold();
		if (threshold < properties.minimumSuppressionThreshold()) {
			throw messages.invalid("suppressionThreshold", "poll.threshold-too-low",
					properties.minimumSuppressionThreshold());
		}
		List<Poll.Option> options = request.options().stream()
			.map(label -> new Poll.Option(UUID.randomUUID(), label.text()))
			.toList();
		Poll poll = new Poll(UUID.randomUUID(), agency, request.question().text(), options, request.multipleChoice(),
				maxChoices, request.audience(), request.resultsVisibility(), threshold,
				request.opensAt().truncatedTo(ChronoUnit.MICROS), request.closesAt().truncatedTo(ChronoUnit.MICROS), null,
				"", null);
		boolean openNow = !request.opensAt().isAfter(now);
		polls.insert(poll, caller.subject(), now, openNow);
		if (openNow) {
			events.publish(opened(poll));
		}
		return poll.withState(now, null);
	}

	Poll get(UUID id, @Nullable Caller caller) {
		Poll poll = polls.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "poll-not-found", id));
		Boolean voted = caller == null ? null : ballots.hasVoted(id, caller.subject());
		return poll.withState(clock.instant(), voted);
	}

	List<Poll> list(@Nullable String agency, @Nullable String state, int page, int size) {
		Instant now = clock.instant();
		return polls.list(agency, state, now, page, size).stream().map(poll -> poll.withState(now, null)).toList();
	}

	/**
	 * One ballot per citizen: the first vote answers its receipt; a repeat (a retry, a double click, another
	 * gateway instance) counts nothing and answers without one (receipts are kept nowhere to show again).
	 * Outside the voting window: 409.
	 */
	@Transactional
	Receipt vote(Caller caller, UUID pollId, List<UUID> optionIds) {
		Callers.requireCitizen(caller);
		Poll poll = polls.findForVote(pollId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "poll-not-found", pollId));
		if (!poll.acceptsVotesAt(clock.instant())) {
			throw new ProblemException(HttpStatus.CONFLICT, "poll-not-open", pollId);
		}
		if (!inAudience(caller, poll.audience())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "poll-audience", poll.audience());
		}
		List<UUID> known = poll.options().stream().map(Poll.Option::id).toList();
		if (new HashSet<>(optionIds).size() != optionIds.size() || !known.containsAll(optionIds)) {
			throw messages.invalid("optionIds", "poll.options-unknown");
		}
		if (optionIds.size() > poll.maxChoices()) {
			throw messages.invalid("optionIds", "poll.too-many-choices", poll.maxChoices());
		}
		String receipt = ballots.cast(pollId, caller.subject(), optionIds);
		return new Receipt(pollId, receipt, receipt != null);
	}

	static boolean inAudience(Caller caller, PollAudience audience) {
		if (audience == PollAudience.ALL) {
			return true;
		}
		String nationalId = caller.nationalId();
		if (nationalId == null || !nationalId.matches("\\d{11}")) {
			return false;
		}
		boolean national = nationalId.substring(3, 6).equals(NATIONAL_COUNTRY_CODE);
		return audience == PollAudience.NATIONALS ? national : !national;
	}

	boolean counted(UUID pollId, String receipt) {
		return ballots.counted(pollId, receipt);
	}

	Results results(UUID pollId) {
		Poll poll = polls.find(pollId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "poll-not-found", pollId));
		if (poll.resultsVisibility() == ResultsVisibility.AFTER_CLOSE && !poll.closed()) {
			throw new ProblemException(HttpStatus.CONFLICT, "poll-results-hidden", pollId);
		}
		return results(poll);
	}

	private Results results(Poll poll) {
		PollRepository.Tally tally = polls.tally(poll.id());
		boolean suppressed = tally.total() < poll.suppressionThreshold();
		List<Results.OptionResult> options = new ArrayList<>();
		for (Poll.Option option : poll.options()) {
			int votes = tally.votes().getOrDefault(option.id(), 0);
			options.add(new Results.OptionResult(option.id(), option.label(), suppressed ? null : votes,
					suppressed ? null : tally.total() == 0 ? 0.0 : Math.round(votes * 1000.0 / tally.total()) / 10.0));
		}
		return new Results(poll.id(), poll.closed(), suppressed, suppressed ? null : tally.total(), options);
	}

	/** Staff close their agency's poll early; 409 when it is closed already. */
	@Transactional
	Poll closeEarly(Caller caller, UUID pollId) {
		Poll poll = polls.find(pollId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "poll-not-found", pollId));
		caller.requireAgency(poll.agency());
		Instant now = clock.instant();
		Instant at = now.isBefore(poll.closesAt()) ? now : poll.closesAt();
		if (!close(pollId, at)) {
			throw new ProblemException(HttpStatus.CONFLICT, "poll-closed", pollId);
		}
		return get(pollId, caller);
	}

	/**
	 * Closes a poll at {@code at} and publishes its results, in the caller's transaction; false (and nothing
	 * published) when it was closed already, so the event goes out exactly once whoever closes it.
	 */
	boolean close(UUID pollId, Instant at) {
		if (!polls.markClosed(pollId, at)) {
			return false;
		}
		ballots.mix(pollId);
		Poll poll = polls.find(pollId).orElseThrow();
		Results results = results(poll);
		List<PollClosedV1.OptionResult> options = results.options().stream()
			.map(option -> new PollClosedV1.OptionResult(option.optionId(), option.label(), option.votes()))
			.toList();
		events.publish(new PollClosedV1(poll.id(), poll.agency(), poll.question(), poll.multipleChoice(), options,
				results.totalVotes(), results.suppressed(), at, poll.audience()));
		return true;
	}

	static PollOpenedV1 opened(Poll poll) {
		return new PollOpenedV1(poll.id(), poll.agency(), poll.question(), poll.audience(), poll.opensAt(),
				poll.closesAt(), poll.multipleChoice(),
				poll.options().stream().map(option -> new PollOpenedV1.PollOption(option.id(), option.label())).toList());
	}

	/** Announces the polls whose opening time has come, in the caller's transaction. */
	int announceOpened() {
		List<UUID> opened = polls.markOpened(clock.instant(), 100);
		opened.forEach(id -> events.publish(opened(polls.find(id).orElseThrow())));
		return opened.size();
	}

}
