package org.bawaba.eservices.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bawaba.contracts.eservices.ChangeKind;
import org.bawaba.eservices.catalogue.Bilingual;

/**
 * A reported change as its citizen sees it, with one status per agency.
 *
 * @param id the change
 * @param kind what changed
 * @param reportedAt when it was reported
 * @param deadline when agencies that have not answered become late
 * @param completedAt when the outcome was published (null while agencies are still expected)
 * @param agencies each subscribed agency's status
 */
record Change(UUID id, ChangeKind kind, Instant reportedAt, Instant deadline, Instant completedAt,
		List<AgencyStatus> agencies) {

	/** What the citizen sees of one agency: PENDING, UPDATED, FAILED (with a reason) or LATE. */
	enum Status {
		PENDING, UPDATED, FAILED, LATE
	}

	/**
	 * One agency's answer.
	 *
	 * @param agency its code
	 * @param name its name in both languages
	 * @param status PENDING, UPDATED, FAILED or LATE (not answered by the deadline, still asked again)
	 * @param late whether it missed the deadline (true also when it answered afterwards)
	 * @param reason why it failed, in both languages
	 * @param attempts how many times it was asked
	 * @param confirmedAt when it answered
	 */
	record AgencyStatus(String agency, Bilingual name, Status status, boolean late, Bilingual reason, int attempts,
			Instant confirmedAt) {
	}

}
