package org.bawaba.eservices.application;

import org.jspecify.annotations.Nullable;

/** The lifecycle of an application. Transitions are the {@link Action}s; anything else is 409. */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, APPROVED, REJECTED, COMPLETED;

	/** The status as published in {@code status-changed} events; drafts and completion have their own events. */
	org.bawaba.contracts.eservices.@Nullable ApplicationStatus published() {
		return switch (this) {
			case SUBMITTED -> org.bawaba.contracts.eservices.ApplicationStatus.SUBMITTED;
			case IN_REVIEW -> org.bawaba.contracts.eservices.ApplicationStatus.IN_REVIEW;
			case INFORMATION_REQUESTED -> org.bawaba.contracts.eservices.ApplicationStatus.ACTION_REQUIRED;
			case APPROVED -> org.bawaba.contracts.eservices.ApplicationStatus.APPROVED;
			case REJECTED -> org.bawaba.contracts.eservices.ApplicationStatus.REJECTED;
			case DRAFT, COMPLETED -> null;
		};
	}

}
