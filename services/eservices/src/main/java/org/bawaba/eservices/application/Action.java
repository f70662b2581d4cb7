package org.bawaba.eservices.application;

import java.util.Set;

/** What moves an application, who may do it, and from which statuses. */
enum Action {

	SUBMIT(Actor.CITIZEN, ApplicationStatus.SUBMITTED, ApplicationStatus.DRAFT),
	START_REVIEW(Actor.STAFF, ApplicationStatus.IN_REVIEW, ApplicationStatus.SUBMITTED),
	REQUEST_INFO(Actor.STAFF, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.IN_REVIEW),
	ANSWER(Actor.CITIZEN, ApplicationStatus.IN_REVIEW, ApplicationStatus.INFORMATION_REQUESTED),
	APPROVE(Actor.STAFF, ApplicationStatus.APPROVED, ApplicationStatus.IN_REVIEW),
	REJECT(Actor.STAFF, ApplicationStatus.REJECTED, ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW),
	COMPLETE(Actor.STAFF, ApplicationStatus.COMPLETED, ApplicationStatus.APPROVED);

	enum Actor {
		CITIZEN, STAFF
	}

	final Actor actor;

	final ApplicationStatus to;

	final Set<ApplicationStatus> from;

	Action(Actor actor, ApplicationStatus to, ApplicationStatus... from) {
		this.actor = actor;
		this.to = to;
		this.from = Set.of(from);
	}

	boolean allowedFrom(ApplicationStatus status) {
		return from.contains(status);
	}

	String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
