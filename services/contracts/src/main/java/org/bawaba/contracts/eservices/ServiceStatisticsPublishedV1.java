package org.bawaba.contracts.eservices;

import org.bawaba.contracts.DomainEvent;
import org.bawaba.contracts.EventType;
import org.bawaba.contracts.OptionalField;
import org.bawaba.contracts.Topics;

/**
 * Usage and satisfaction of one e-service in one month, for open data. Key: {@code <serviceCode>:<month>}.
 *
 * @param serviceCode the catalogue code of the e-service
 * @param agency the agency of the service
 * @param month the calendar month, {@code YYYY-MM}
 * @param applications applications submitted in the month
 * @param completed of those, the ones completed
 * @param medianProcessingHours median hours from submission to completion of those completed, none when none was
 * @param ratings ratings given in the month
 * @param satisfiedRatings of those, the ones of 4 or 5
 */
@EventType(value = ServiceStatisticsPublishedV1.TYPE, topic = Topics.ESERVICES_STATISTICS)
public record ServiceStatisticsPublishedV1(String serviceCode, String agency, String month, int applications,
		int completed, @OptionalField Long medianProcessingHours, int ratings, int satisfiedRatings)
		implements DomainEvent {

	public static final String TYPE = "org.bawaba.eservices.statistics.published.v1";

	@Override
	public String entityId() {
		return serviceCode + ":" + month;
	}

}
