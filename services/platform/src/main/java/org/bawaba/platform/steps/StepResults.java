package org.bawaba.platform.steps;

import java.time.Clock;
import java.util.UUID;

import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.platform.events.outbox.EventPublisher;

/**
 * Reports the result of a step of this service's agency ({@code bawaba.agency}) through the outbox:
 * call it inside the transaction that records the agency's own work.
 */
public class StepResults {

	private final EventPublisher events;

	private final String agency;

	private final Clock clock;

	StepResults(EventPublisher events, String agency, Clock clock) {
		this.events = events;
		this.agency = agency;
		this.clock = clock;
	}

	/** The agency of this service, which every result carries. */
	public String agency() {
		return agency;
	}

	/** The step is done; {@code reference} is the agency's own (a certificate or case number). */
	public void completed(UUID applicationId, String step, String reference) {
		events.publish(new StepCompletedV1(applicationId, step, agency, reference, clock.instant()));
	}

	/** The step cannot be done; the reason is shown to the citizen, in English and Arabic. */
	public void failed(UUID applicationId, String step, String reasonEn, String reasonAr) {
		events.publish(new StepFailedV1(applicationId, step, agency, reasonEn, reasonAr, clock.instant()));
	}

}
