package org.bawaba.participation.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Flags missed deadlines every {@code participation.complaints.sla-check-interval}, on any instance, once each. */
@Component
class SlaScheduler {

	private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

	private final ComplaintService complaints;

	private final TransactionTemplate transactions;

	SlaScheduler(ComplaintService complaints, TransactionTemplate transactions) {
		this.complaints = complaints;
		this.transactions = transactions;
	}

	// no job lock: each breach is claimed by one instance (for update skip locked) and flagged in that transaction
	@Scheduled(fixedDelayString = "${participation.complaints.sla-check-interval:1m}")
	void run() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			log.warn("SLA check failed; the next run retries", ex);
		}
	}

	/** Flags every breach due by now; returns how many complaints were flagged. */
	int check() {
		int total = 0;
		while (true) {
			Integer flagged = transactions.execute(status -> complaints.flagBreaches());
			if (flagged == null || flagged == 0) {
				return total;
			}
			total += flagged;
		}
	}

}
