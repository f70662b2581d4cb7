package org.bawaba.eservices.application;

/**
 * An application changed status; published in-process (Spring application event) inside the transaction
 * of the change, so that other features of this service react atomically with it (the credential
 * renewals: an approved renewal asks the agency for the new credential).
 *
 * @param application the application after the change
 * @param from its status before
 */
public record ApplicationMoved(Application application, ApplicationStatus from) {
}
