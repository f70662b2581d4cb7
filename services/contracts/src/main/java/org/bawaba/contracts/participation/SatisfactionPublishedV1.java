package org.bawaba.contracts.participation;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * The UN E-Government Survey's indicator for one agency (or one of its services) and one month: the share
 * of citizens satisfied (4 or 5 of 5) with their last online service. Key:
 * {@code <agency>:<serviceCode or *>:<month>}.
 *
 * @param month the calendar month, {@code YYYY-MM}
 * @param agency the agency
 * @param serviceCode the e-service, null for the whole agency
 * @param responses citizens who answered the survey after a completed service in the month (each counted once, by
 * their last answer)
 * @param satisfied of those, the ones satisfied
 * @param share satisfied / responses, 0 when there was no response
 */
@EventType(value = SatisfactionPublishedV1.TYPE, topic = Topics.PARTICIPATION_SATISFACTION)
public record SatisfactionPublishedV1(String month, String agency, @OptionalField String serviceCode, int responses,
		int satisfied, double share) implements DomainEvent {

	public static final String TYPE = "org.bawaba.participation.satisfaction.published.v1";

	@Override
	public String entityId() {
		return agency + ":" + (serviceCode == null ? "*" : serviceCode) + ":" + month;
	}

}
