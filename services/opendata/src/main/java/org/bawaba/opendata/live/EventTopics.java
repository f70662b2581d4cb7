package org.bawaba.opendata.live;

/**
 * Topics of the agreed cross-service contracts that are not in {@code org.bawaba.contracts.Topics} on this
 * branch yet (participation and procurement are being built in parallel); the lead replaces these with the
 * constants and the generic CloudEvent listeners with their records after merging.
 */
final class EventTopics {

	static final String PARTICIPATION_POLLS = "bawaba.participation.polls";

	static final String PARTICIPATION_COMPLAINTS = "bawaba.participation.complaints";

	static final String PARTICIPATION_SATISFACTION = "bawaba.participation.satisfaction";

	static final String PROCUREMENT_TENDERS = "bawaba.procurement.tenders";

	static final String POLL_CLOSED = "org.bawaba.participation.poll.closed.v1";

	static final String COMPLAINT_FILED = "org.bawaba.participation.complaint.filed.v1";

	static final String COMPLAINT_STATUS_CHANGED = "org.bawaba.participation.complaint.status-changed.v1";

	static final String SATISFACTION_PUBLISHED = "org.bawaba.participation.satisfaction.published.v1";

	static final String AWARD_PUBLISHED = "org.bawaba.procurement.award.published.v1";

	static final String CONTRACT_SIGNED = "org.bawaba.procurement.contract.signed.v1";

	private EventTopics() {
	}

}
