package org.bawaba.platform.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.platform.events.inbox.InboxListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads step requests, keeps those of this service's agency, hands each to the handler of its step and
 * reports the outcome. Once per request: the inbox remembers the event id in the same transaction.
 */
class StepDispatcher {

	private static final Logger log = LoggerFactory.getLogger(StepDispatcher.class);

	private final Map<String, StepHandler> handlers = new HashMap<>();

	private final StepResults results;

	StepDispatcher(List<StepHandler> handlers, StepResults results) {
		this.results = results;
		for (StepHandler handler : handlers) {
			for (String step : handler.steps()) {
				StepHandler previous = this.handlers.putIfAbsent(step, handler);
				if (previous != null) {
					throw new IllegalStateException("Step '" + step + "' has two handlers: " + previous.getClass()
							.getName() + " and " + handler.getClass().getName());
				}
			}
		}
	}

	@InboxListener(topic = Topics.ESERVICES_STEPS)
	void on(StepRequestedV1 request) {
		if (!results.agency().equals(request.agency())) {
			return;
		}
		StepHandler handler = handlers.get(request.step());
		if (handler == null) {
			log.warn("No handler for step '{}' of application {}; reported as failed", request.step(),
					request.applicationId());
			results.failed(request.applicationId(), request.step(),
					"The agency's service does not handle the step '" + request.step() + "'.",
					"لا تتولى خدمة الجهة الخطوة '" + request.step() + "'.");
			return;
		}
		StepOutcome outcome = handler.handle(request);
		switch (outcome.kind()) {
			case COMPLETED -> results.completed(request.applicationId(), request.step(), outcome.reference());
			case FAILED -> results.failed(request.applicationId(), request.step(), outcome.reasonEn(),
					outcome.reasonAr());
			case LATER -> log.info("Step '{}' of application {} accepted; its result follows", request.step(),
					request.applicationId());
		}
	}

}
