package org.bawaba.contracts.agency;

/** How an agency answered a tell-us-once change. */
public enum ChangeOutcome {

	/** Its records now hold the new value. */
	UPDATED,

	/** It could not update them; the reason says why. */
	FAILED

}
