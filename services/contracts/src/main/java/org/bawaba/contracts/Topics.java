package org.bawaba.contracts;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka topic names. One topic per entity, so that all events of one entity share a partition (the key
 * is the entity id) and stay ordered. Failed deliveries are parked on {@code <topic>.dlt}.
 * <p>
 * What agencies answer travels on topics of their own, {@code bawaba.agency.<code>.<kind>} (the constants
 * hold {@value #AGENCY} where the code goes): Kafka's ACLs let an agency's services write only their own
 * agency's topics, so no agency can answer in another's name. Their consumers read them all by
 * {@link #pattern(String)} and park what they cannot handle on one dead-letter topic per kind,
 * {@code bawaba.agency.<kind>.dlt}.
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
	public static final String AGENCY_CREDENTIALS = "bawaba.agency.{agency}.credentials";
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
	public static final String AGENCY_CHANGES = "bawaba.agency.{agency}.changes";

	// --- end tellonce ---
	// --- newborn ---

	/** Steps of integrated (level 4) applications, one event per step for its agency. Key: applicationId. */
	public static final String ESERVICES_STEPS = "bawaba.eservices.steps";

	/** Agencies' results of the steps they were asked to do: completed or failed. Key: applicationId. */
	public static final String AGENCY_STEPS = "bawaba.agency.{agency}.steps";

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

	/** Where an agency's code goes in the name of a per-agency topic. */
	public static final String AGENCY = "{agency}";

	/** An agency's code, as the auth service onboards it. */
	public static final String AGENCY_CODE = "[a-z][a-z0-9]{1,19}";

	private static final Pattern AGENCY_CODE_PATTERN = Pattern.compile(AGENCY_CODE);

	private Topics() {
	}

	/**
	 * The dead-letter topic of {@code topic}: {@code <topic>.dlt}; for a per-agency topic (its template or one
	 * agency's), the one of its kind, {@code bawaba.agency.<kind>.dlt}.
	 */
	public static String deadLetter(String topic) {
		for (String template : new String[] { AGENCY_CREDENTIALS, AGENCY_CHANGES, AGENCY_STEPS }) {
			if (template.equals(topic) || pattern(template).matcher(topic).matches()) {
				return template.replace(AGENCY + ".", "") + DEAD_LETTER_SUFFIX;
			}
		}
		return topic + DEAD_LETTER_SUFFIX;
	}

	/** Whether {@code topic} is the template of per-agency topics (holds {@value #AGENCY}). */
	public static boolean perAgency(String topic) {
		return topic.contains(AGENCY);
	}

	/**
	 * One agency's topic of a per-agency template; a template without {@value #AGENCY} is returned as it is.
	 * @throws IllegalArgumentException when {@code agency} is not an agency code
	 */
	public static String ofAgency(String topic, String agency) {
		if (!perAgency(topic)) {
			return topic;
		}
		if (agency == null || !AGENCY_CODE_PATTERN.matcher(agency).matches()) {
			throw new IllegalArgumentException("not an agency code: " + agency);
		}
		return topic.replace(AGENCY, agency);
	}

	/** The names of every agency's topic of a per-agency template (or of exactly {@code topic}). */
	public static Pattern pattern(String topic) {
		int at = topic.indexOf(AGENCY);
		if (at < 0) {
			return Pattern.compile(Pattern.quote(topic));
		}
		return Pattern.compile(Pattern.quote(topic.substring(0, at)) + "(" + AGENCY_CODE + ")"
				+ Pattern.quote(topic.substring(at + AGENCY.length())));
	}

	/** The agency whose topic {@code topic} is, by the template {@code template}; empty if it is none. */
	public static Optional<String> agencyOf(String template, String topic) {
		if (!perAgency(template)) {
			return Optional.empty();
		}
		Matcher matcher = pattern(template).matcher(topic);
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
