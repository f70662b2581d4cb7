package org.bawaba.contracts.participation;

/** What a citizen files against an agency. */
public enum ComplaintKind {

	COMPLAINT, SUGGESTION

}
