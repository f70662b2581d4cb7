package org.bawaba.platform.steps;

import java.util.Set;

import org.bawaba.contracts.steps.StepRequestedV1;

/**
 * An agency service's part in integrated (level 4) applications: it does the steps named by
 * {@link #steps()} when the platform asks its agency ({@code bawaba.agency}) for them.
 *
 * <pre>{@code
 * @Component
 * class BirthCertificateStep implements StepHandler {
 *     public Set<String> steps() { return Set.of("birth-certificate"); }
 *     public StepOutcome handle(StepRequestedV1 request) {
 *         return StepOutcome.completed(certificates.issue(request.citizenSubject(), request.applicationId()));
 *     }
 * }
 * }</pre>
 *
 * {@link #handle} runs once per request, in one transaction with the record that the request was handled
 * and with the outbox row of the result: a crash before commit redoes both, nothing is reported twice.
 * An exception is retried with back-off, then the request is parked on {@code bawaba.eservices.steps.dlt}
 * and the step becomes overdue at its deadline; a refusal the citizen should read is
 * {@link StepOutcome#failed}. Work that finishes later (a person decides) returns {@link StepOutcome#later()}
 * and reports through {@link StepResults}.
 */
public interface StepHandler {

	/** The step names this handler does, as declared in the catalogue (e.g. {@code birth-certificate}). */
	Set<String> steps();

	/** Does the step, or decides it cannot. */
	StepOutcome handle(StepRequestedV1 request);

}
