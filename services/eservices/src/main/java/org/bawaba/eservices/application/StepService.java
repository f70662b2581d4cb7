package org.bawaba.eservices.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.ApplicationStepFailedV1;
import org.bawaba.contracts.eservices.ApplicationStepOverdueV1;
import org.bawaba.contracts.steps.StepCompletedV1;
import org.bawaba.contracts.steps.StepFailedV1;
import org.bawaba.contracts.steps.StepRequestedV1;
import org.bawaba.eservices.catalogue.EService;
import org.bawaba.eservices.catalogue.ServiceStep;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrated applications: one step per agency asked for by an event at submission, the agencies' results
 * recorded (only from the step's own agency), completion when every step is done, and failed or overdue
 * steps made visible and told to the citizen.
 */
@Service
class StepService {

	private static final Logger log = LoggerFactory.getLogger(StepService.class);

	/** Who moves an integrated application in its history. */
	static final String AGENCIES = "agencies";

	private final StepRepository steps;

	private final ApplicationRepository applications;

	private final EventPublisher events;

	private final Clock clock;

	StepService(StepRepository steps, ApplicationRepository applications, EventPublisher events,
			ObjectProvider<Clock> clock) {
		this.steps = steps;
		this.applications = applications;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** At submission, in its transaction: a pending step and a request event per step of the service. */
	void request(Application application, EService service) {
		Instant now = application.submittedAt() != null ? application.submittedAt() : clock.instant();
		List<ServiceStep> declared = service.steps();
		for (int i = 0; i < declared.size(); i++) {
			ServiceStep step = declared.get(i);
			Instant due = now.plus(step.deadline());
			steps.insert(application.id(), i, step, now, due);
			events.publish(new StepRequestedV1(application.id(), service.code(), step.step(), step.agency(),
					application.citizenSubject(), now, due));
		}
	}

	List<ApplicationStep> of(UUID application) {
		return steps.of(application);
	}

	@Transactional
	void completed(StepCompletedV1 result) {
		Optional<ApplicationStep> step = ownStep(result.applicationId(), result.step(), result.agency());
		if (step.isEmpty() || !steps.complete(result.applicationId(), result.step(), result.reference(),
				result.completedAt())) {
			return;
		}
		if (steps.allCompleted(result.applicationId())) {
			Application application = applications.find(result.applicationId()).orElseThrow();
			if (application.status() == ApplicationStatus.SUBMITTED
					&& applications.move(application.id(), application.status(), ApplicationStatus.COMPLETED)) {
				applications.history(application.id(), application.status(), ApplicationStatus.COMPLETED, "complete",
						AGENCIES, null);
				Application done = applications.find(application.id()).orElseThrow();
				events.publish(new ApplicationCompletedV1(done.id(), done.serviceCode(), done.agency(),
						done.citizenSubject(), done.submittedAt(), done.completedAt()));
			}
		}
	}

	@Transactional
	void failed(StepFailedV1 result) {
		Optional<ApplicationStep> step = ownStep(result.applicationId(), result.step(), result.agency());
		if (step.isEmpty() || !steps.fail(result.applicationId(), result.step(), result.reasonEn(), result.reasonAr(),
				result.failedAt())) {
			return;
		}
		Application application = applications.find(result.applicationId()).orElseThrow();
		applications.history(application.id(), application.status(), application.status(), "step-failed",
				result.agency(), result.step() + ": " + result.reasonEn());
		events.publish(new ApplicationStepFailedV1(application.id(), application.serviceCode(), application.agency(),
				application.citizenSubject(), result.step(), result.agency(), result.reasonEn(), result.reasonAr(),
				result.failedAt()));
	}

	/** Marks steps past their deadline overdue and tells their citizens; returns how many. */
	@Transactional
	int markOverdue(int limit) {
		List<StepRepository.Overdue> overdue = steps.markOverdue(clock.instant(), limit);
		for (StepRepository.Overdue step : overdue) {
			Application application = applications.find(step.application()).orElseThrow();
			applications.history(application.id(), application.status(), application.status(), "step-overdue",
					AGENCIES, step.step());
			events.publish(new ApplicationStepOverdueV1(application.id(), application.serviceCode(),
					application.agency(), application.citizenSubject(), step.step(), step.agency(), step.dueAt()));
		}
		return overdue.size();
	}

	/** The step, if the result comes from its own agency; anything else is logged and ignored. */
	private Optional<ApplicationStep> ownStep(UUID application, String name, String agency) {
		Optional<ApplicationStep> step = steps.find(application, name);
		if (step.isEmpty()) {
			log.warn("Result for unknown step '{}' of application {} from {}; ignored", name, application, agency);
			return Optional.empty();
		}
		if (!step.get().agency().equals(agency)) {
			log.warn("Result for step '{}' of application {} from {}, which does not own it ({} does); ignored", name,
					application, agency, step.get().agency());
			return Optional.empty();
		}
		return step;
	}

}
