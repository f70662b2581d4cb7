package org.bawaba.contracts;

import java.util.Set;

/**
 * Kafka topic names. One topic per entity, so that all events of one entity share a partition (the key
 * is the entity id) and stay ordered. Failed deliveries are parked on {@code <topic>.dlt}.
 */
public final class Topics {

	/** Events about e-service applications: submitted, status changed. */
	public static final String ESERVICES_APPLICATIONS = "bawaba.eservices.applications";

	/** Monthly usage and satisfaction statistics per e-service, for open data. */
	public static final String ESERVICES_STATISTICS = "bawaba.eservices.statistics";

	/** One record per request through the gateway (no personal data), for the usage statistics. */
	public static final String GATEWAY_USAGE = "bawaba.gateway.usage";

	/** Audit of agency onboarding: agencies, their service clients and staff (key = agency code). */
	public static final String AUTH_AGENCIES = "bawaba.auth.agencies";
	// --- procurement ---

	/** Lifecycle of tenders: published, amended, cancelled, clarified, bids opened, evaluated, awarded, contracted. */
	public static final String PROCUREMENT_TENDERS = "bawaba.procurement.tenders";

	/** Supplier profiles and category subscriptions. */
	public static final String PROCUREMENT_SUPPLIERS = "bawaba.procurement.suppliers";

	// --- end procurement ---

	/** Credentials agencies issue to people, with their expiry dates (key = credential id). */
	public static final String AGENCY_CREDENTIALS = "bawaba.agency.credentials";
	// --- participation ---

	/** Polls opened and closed (with their results). Key: pollId. */
	public static final String PARTICIPATION_POLLS = "bawaba.participation.polls";

	/** Complaints and suggestions: filed, status changed, replied. Key: complaintId. */
	public static final String PARTICIPATION_COMPLAINTS = "bawaba.participation.complaints";

	/** The monthly satisfaction indicator per agency and service. Key: {@code <agency>:<serviceCode or *>:<month>}. */
	public static final String PARTICIPATION_SATISFACTION = "bawaba.participation.satisfaction";

	// --- end participation ---

	// --- renew ---

	/** Credentials the platform tracks: expiring (click to renew), renewal approved (key = credential id). */
	public static final String ESERVICES_CREDENTIALS = "bawaba.eservices.credentials";

	// --- end renew ---
	// --- tellonce ---

	/** Tell us once: changes citizens report once (reported, completed). Key: changeId. */
	public static final String ESERVICES_CHANGES = "bawaba.eservices.changes";

	/** Agencies' answers to tell-us-once changes (confirmed). Key: changeId. */
	public static final String AGENCY_CHANGES = "bawaba.agency.changes";

	// --- end tellonce ---
	// --- newborn ---

	/** Steps of integrated (level 4) applications, one event per step for its agency. Key: applicationId. */
	public static final String ESERVICES_STEPS = "bawaba.eservices.steps";

	/** Agencies' results of the steps they were asked to do: completed or failed. Key: applicationId. */
	public static final String AGENCY_STEPS = "bawaba.agency.steps";

	// --- end newborn ---

	/**
	 * The topics without personal data: aggregated statistics and indicators, polls and their results, and
	 * tenders (published under OCDS anyway). The only ones an outside system may be onboarded to read
	 * (auth's {@code /systems}); the others carry a citizen's subject or an agency's working data.
	 */
	public static final Set<String> PUBLIC = Set.of(ESERVICES_STATISTICS, PARTICIPATION_POLLS,
			PARTICIPATION_SATISFACTION, PROCUREMENT_TENDERS);

	/** Suffix of the dead-letter topic of every topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/** The dead-letter topic of {@code topic}. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
