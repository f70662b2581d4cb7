package org.bawaba.opendata.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bawaba.platform.events.inbox.InboxListener;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Poll results, complaint counts and satisfaction surveys as live datasets. Only the fields named here are
 * read: the citizen's {@code sub}, tracking numbers and complaint ids never reach a dataset.
 */
@Component
class ParticipationEvents {

	private final LiveDatasets live;

	ParticipationEvents(LiveDatasets live) {
		this.live = live;
	}

	@InboxListener(topic = EventTopics.PARTICIPATION_POLLS)
	void onPoll(CloudEvent event) {
		if (!EventTopics.POLL_CLOSED.equals(event.getType())) {
			return;
		}
		EventData data = EventData.of(event);
		Instant closedAt = data.instant("closedAt");
		JsonNode question = data.node().get("question");
		boolean suppressed = data.flag("suppressed");
		for (JsonNode option : data.node().get("options")) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("poll_id", data.text("pollId"));
			row.put("option_id", option.get("optionId").asString());
			row.put("agency", data.text("agency"));
			row.put("question_en", EventData.language(question, "en"));
			row.put("question_ar", EventData.language(question, "ar"));
			row.put("option_en", EventData.language(option.get("label"), "en"));
			row.put("option_ar", EventData.language(option.get("label"), "ar"));
			JsonNode votes = option.get("votes");
			row.put("votes", suppressed || votes == null || votes.isNull() ? null : votes.asLong());
			row.put("total_votes", suppressed ? null : data.optionalLong("totalVotes"));
			row.put("suppressed", suppressed);
			row.put("multiple_choice", data.flag("multipleChoice"));
			row.put("closed_at", Timestamp.from(closedAt));
			row.put("month", EventData.month(closedAt));
			live.upsert(LiveTableDefinitions.POLLS, LiveDatasets.Mode.REPLACE, row);
		}
	}

	@InboxListener(topic = EventTopics.PARTICIPATION_COMPLAINTS)
	void onComplaint(CloudEvent event) {
		boolean filed = EventTopics.COMPLAINT_FILED.equals(event.getType());
		if (!filed && !EventTopics.COMPLAINT_STATUS_CHANGED.equals(event.getType())) {
			return;
		}
		EventData data = EventData.of(event);
		Instant at = data.instant(filed ? "filedAt" : "changedAt");
		String status = filed ? "FILED" : data.text("status");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", EventData.month(at));
		row.put("agency", data.text("agency"));
		row.put("kind", data.optionalText("kind") == null ? "COMPLAINT" : data.optionalText("kind"));
		row.put("status", status);
		row.put("complaints", 1L);
		row.put("sla_breached", !filed && data.flag("slaBreached") ? 1L : 0L);
		live.upsert(LiveTableDefinitions.COMPLAINTS, LiveDatasets.Mode.INCREMENT, row);
	}

	@InboxListener(topic = EventTopics.PARTICIPATION_SATISFACTION)
	void onSatisfaction(CloudEvent event) {
		if (!EventTopics.SATISFACTION_PUBLISHED.equals(event.getType())) {
			return;
		}
		EventData data = EventData.of(event);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("month", data.text("month"));
		row.put("agency", data.text("agency"));
		row.put("service_code", data.optionalText("serviceCode") == null ? "*" : data.optionalText("serviceCode"));
		row.put("responses", data.optionalLong("responses"));
		row.put("satisfied", data.optionalLong("satisfied"));
		row.put("share", data.node().get("share") == null || data.node().get("share").isNull() ? null
				: data.node().get("share").decimalValue());
		live.upsert(LiveTableDefinitions.SATISFACTION, LiveDatasets.Mode.REPLACE, row);
	}

}
