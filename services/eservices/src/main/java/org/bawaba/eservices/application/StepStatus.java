package org.bawaba.eservices.application;

/** Where one agency's step of an integrated application is. */
public enum StepStatus {

	/** Asked for; the agency has not answered yet and the deadline has not passed. */
	PENDING,
	/** The agency did it (with its reference). */
	COMPLETED,
	/** The agency could not (with its reason); the application needs attention. */
	FAILED,
	/** The deadline passed without an answer; the application needs attention. A late answer still counts. */
	OVERDUE

}
