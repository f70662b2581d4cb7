package org.bawaba.eservices.application;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.platform.events.inbox.InboxListener;

import org.springframework.stereotype.Component;

/** The agencies' results of the steps they were asked for. */
@Component
class StepListener {

	private final StepService steps;

	StepListener(StepService steps) {
		this.steps = steps;
	}

	@InboxListener(topic = Topics.AGENCY_STEPS)
	void on(StepCompletedV1 result) {
		steps.completed(result);
	}

	@InboxListener(topic = Topics.AGENCY_STEPS)
	void on(StepFailedV1 result) {
		steps.failed(result);
	}

}
