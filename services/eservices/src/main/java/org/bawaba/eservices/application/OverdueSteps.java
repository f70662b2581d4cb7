package org.bawaba.eservices.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled check for steps past their deadline ({@code eservices.steps.overdue-check}, default every
 * minute). Several instances may run it: each step is marked by one ({@code for update skip locked}).
 */
@Component
class OverdueSteps {

	private static final Logger log = LoggerFactory.getLogger(OverdueSteps.class);

	private static final int BATCH = 200;

	private final StepService steps;

	OverdueSteps(StepService steps) {
		this.steps = steps;
	}

	// no job lock: each step is marked by the instance that claims it (for update skip locked) in that transaction
	@Scheduled(fixedDelayString = "${eservices.steps.overdue-check:1m}",
			initialDelayString = "${eservices.steps.overdue-check:1m}")
	void check() {
		int marked;
		do {
			marked = steps.markOverdue(BATCH);
			if (marked > 0) {
				log.info("{} steps past their deadline marked overdue", marked);
			}
		}
		while (marked == BATCH);
	}

}
