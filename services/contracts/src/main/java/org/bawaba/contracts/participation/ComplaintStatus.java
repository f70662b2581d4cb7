package org.bawaba.contracts.participation;

/** Where a complaint or suggestion stands. */
public enum ComplaintStatus {

	FILED, TRIAGED, ASSIGNED, REPLIED, RESOLVED, REOPENED, CLOSED

}
