package org.bawaba.contracts.eservices;

/** What a citizen's reported change is about. The new value itself never travels in an event. */
public enum ChangeKind {

	/** Where the citizen lives. */
	ADDRESS,

	/** The citizen's phone number. */
	PHONE

}
