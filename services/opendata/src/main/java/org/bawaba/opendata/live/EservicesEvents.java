package org.bawaba.opendata.live;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ApplicationRatedV1;
import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1;
import org.bawaba.platform.events.inbox.InboxListener;

import org.springframework.stereotype.Component;

/** E-service usage (the gateway's records), published monthly statistics and ratings, as live datasets. */
@Component
class EservicesEvents {

	private final LiveDatasets live;

	EservicesEvents(LiveDatasets live) {
		this.live = live;
	}

	@InboxListener(topic = Topics.GATEWAY_USAGE)
	void on(UsageRecordedV1 usage, CloudEvent envelope) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", EventData.month(envelope.getTime() == null ? java.time.Instant.now()
				: envelope.getTime().toInstant()));
		row.put("service", usage.service() == null ? "gateway" : usage.service());
		row.put("agency", usage.agency());
		row.put("requests", 1L);
		row.put("successful", usage.status() < 400 ? 1L : 0L);
		row.put("client_errors", usage.status() >= 400 && usage.status() < 500 ? 1L : 0L);
		row.put("server_errors", usage.status() >= 500 ? 1L : 0L);
		row.put("anonymous", usage.caller() == UsageRecordedV1.CallerKind.ANONYMOUS ? 1L : 0L);
		row.put("signed_in", usage.caller() == UsageRecordedV1.CallerKind.SIGNED_IN ? 1L : 0L);
		row.put("agency_clients", usage.caller() == UsageRecordedV1.CallerKind.AGENCY_CLIENT ? 1L : 0L);
		row.put("total_latency_ms", usage.latencyMs());
		live.upsert(LiveTableDefinitions.USAGE, LiveDatasets.Mode.INCREMENT, row);
	}

	@InboxListener(topic = Topics.ESERVICES_STATISTICS)
	void on(ServiceStatisticsPublishedV1 statistics) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", statistics.month());
		row.put("service_code", statistics.serviceCode());
		row.put("agency", statistics.agency());
		row.put("applications", (long) statistics.applications());
		row.put("completed", (long) statistics.completed());
		row.put("median_processing_hours", statistics.medianProcessingHours());
		row.put("ratings", (long) statistics.ratings());
		row.put("satisfied_ratings", (long) statistics.satisfiedRatings());
		live.upsert(LiveTableDefinitions.STATISTICS, LiveDatasets.Mode.REPLACE, row);
	}

	@InboxListener(topic = Topics.ESERVICES_APPLICATIONS)
	void on(ApplicationRatedV1 rating) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", EventData.month(rating.ratedAt()));
		row.put("service_code", rating.serviceCode());
		row.put("agency", rating.agency());
		row.put("ratings", 1L);
		row.put("score_total", (long) rating.score());
		row.put("satisfied", rating.score() >= 4 ? 1L : 0L);
		live.upsert(LiveTableDefinitions.RATINGS, LiveDatasets.Mode.INCREMENT, row);
	}

}
