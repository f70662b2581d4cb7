package org.bawaba.contracts.agency;

/** Kinds of credential an agency issues to a person and the platform tracks for renewal. */
public enum CredentialType {

	ID_CARD, RESIDENCE_PERMIT

}
