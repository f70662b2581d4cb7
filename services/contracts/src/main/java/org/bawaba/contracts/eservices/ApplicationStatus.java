package org.bawaba.contracts.eservices;

/** The states of an e-service application, as published in events. */
public enum ApplicationStatus {

	SUBMITTED, IN_REVIEW, ACTION_REQUIRED, APPROVED, REJECTED, WITHDRAWN

}
