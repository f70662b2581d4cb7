package org.bawaba.participation.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The polls' clockwork, every {@code participation.polls.scheduler-interval}: announces polls whose opening
 * time came, closes those whose closing time came (each once, on whichever instance gets there first), and
 * mixes new ballots.
 */
@Component
class PollScheduler {

	private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

	private final PollService service;

	private final PollRepository polls;

	private final BallotBox ballots;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PollScheduler(PollService service, PollRepository polls, BallotBox ballots, TransactionTemplate transactions,
			Clock clock) {
		this.service = service;
		this.polls = polls;
		this.ballots = ballots;
		this.transactions = transactions;
		this.clock = clock;
	}

	// no job lock: each instance may run it (every second), each poll is claimed by one (for update skip locked)
	@Scheduled(fixedDelayString = "${participation.polls.scheduler-interval:1s}")
	void run() {
		try {
			announceOpened();
			closeDue();
			mix();
		}
		catch (RuntimeException ex) {
			log.warn("Poll scheduler run failed; the next run retries", ex);
		}
	}

	int announceOpened() {
		Integer opened = transactions.execute(status -> service.announceOpened());
		return opened == null ? 0 : opened;
	}

	/** Closes every poll whose closing time has come, at its closing time; returns how many. */
	int closeDue() {
		int closed = 0;
		while (true) {
			Integer batch = transactions.execute(status -> {
				Instant now = clock.instant();
				List<UUID> due = polls.dueToClose(now, 20);
				int count = 0;
				for (UUID id : due) {
					Poll poll = polls.find(id).orElseThrow();
					if (service.close(id, poll.closesAt())) {
						count++;
					}
				}
				return due.isEmpty() ? -1 : count;
			});
			if (batch == null || batch < 0) {
				return closed;
			}
			closed += batch;
		}
	}

	/**
	 * Rewrites the ballots of every poll that got new ones, each poll in its own transaction. Two instances mixing
	 * one poll at once lose nothing: the second one's delete waits for the first and finds no row it can see.
	 */
	void mix() {
		for (UUID pollId : ballots.unmixed()) {
			transactions.executeWithoutResult(status -> ballots.mix(pollId));
		}
	}

}
