package org.bawaba.auth.agency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.bawaba.auth.kafka.KafkaAccess;
import org.bawaba.contracts.Topics;

/**
 * A level-4 journey an agency's services take part in, and so the Kafka topics they handle: they read the
 * e-services topic that asks agencies to act (and park what they cannot handle on its dead-letter topic), and
 * write their own agency's topic that answers ({@code bawaba.agency.<code>.<kind>}, never another agency's). An agency takes part in none until its onboarding names them: its
 * services then read and write nothing but their own consumer group.
 */
enum Journey {

	/** Multi-agency applications: steps asked of the agency, their results. */
	APPLICATIONS("applications", Topics.ESERVICES_STEPS, Topics.AGENCY_STEPS),

	/** Tell us once: changes a citizen reported, the agency's confirmation. */
	TELL_US_ONCE("tell-us-once", Topics.ESERVICES_CHANGES, Topics.AGENCY_CHANGES),

	/** Click to renew: renewals approved, the credentials the agency issues. */
	RENEWALS("renewals", Topics.ESERVICES_CREDENTIALS, Topics.AGENCY_CREDENTIALS);

	private final String name;

	private final String reads;

	private final String writes;

	Journey(String name, String reads, String writes) {
		this.name = name;
		this.reads = reads;
		this.writes = writes;
	}

	@JsonValue
	String jsonName() {
		return name;
	}

	@JsonCreator
	static Journey of(String name) {
		return Arrays.stream(values())
			.filter(journey -> journey.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no journey " + name + "; known: "
					+ Arrays.stream(values()).map(Journey::jsonName).toList()));
	}

	/** The topics the agency {@code agency} answers on in {@code journeys}: its own. */
	static Set<String> topics(String agency, Collection<Journey> journeys) {
		Set<String> topics = new TreeSet<>();
		journeys.forEach(journey -> topics.add(Topics.ofAgency(journey.writes, agency)));
		return topics;
	}

	/**
	 * The Kafka ACLs of one service client of the agency {@code agency} taking part in {@code journeys}: read what
	 * asks it to act, write its dead letters and its answers on its agency's own topics, read its consumer group
	 * (named like the client).
	 */
	static List<AclBinding> access(String clientId, String agency, Collection<Journey> journeys) {
		String principal = KafkaAccess.principal(clientId);
		List<AclBinding> acls = new ArrayList<>();
		for (Journey journey : journeys) {
			acls.addAll(KafkaAccess.read(principal, journey.reads));
			acls.addAll(KafkaAccess.write(principal, Topics.deadLetter(journey.reads)));
			acls.addAll(KafkaAccess.write(principal, Topics.ofAgency(journey.writes, agency)));
		}
		acls.add(KafkaAccess.group(principal, clientId, PatternType.LITERAL));
		return acls;
	}

}
