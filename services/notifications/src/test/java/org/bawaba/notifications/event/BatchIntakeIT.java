package org.bawaba.notifications.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bawaba.notifications.NotificationsIT;
import org.bawaba.platform.test.TestKafka;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The intake reads a poll's records in one transaction: duplicates within a poll and across polls still
 * yield one notice, and a record that cannot be handled in the middle of a poll is parked on the
 * dead-letter topic alone while the records around it become notices.
 */
class BatchIntakeIT extends NotificationsIT {

	static final String SUBMITTED = "org.bawaba.eservices.application.submitted.v1";

	static final String COMPLETED = "org.bawaba.eservices.application.completed.v1";

	static final String STATUS_CHANGED = "org.bawaba.eservices.application.status-changed.v1";

	@Test
	void aDuplicateWithinOnePollAndInALaterPollYieldsOneNotice() {
		String citizen = unique("batch-dup");
		String token = TestTokens.citizen(citizen);
		String application = UUID.randomUUID().toString();
		String id = UUID.randomUUID().toString();
		String submitted = EventNoticesIT.data("submitted", application, citizen);
		TestKafka.sendTogether(KAFKA, List.of(record(APPLICATIONS, SUBMITTED, application, submitted, id),
				record(APPLICATIONS, SUBMITTED, application, submitted, id),
				record(APPLICATIONS, COMPLETED, application, EventNoticesIT.data("completed", application, citizen),
						UUID.randomUUID().toString())));
		assertThat(inboxUntil(token, items -> items.size() >= 2)).extracting(n -> n.get("type").asString())
			.containsExactlyInAnyOrder(SUBMITTED, COMPLETED);

		// the same event again, later (its own poll), then a marker on the same partition
		publish(APPLICATIONS, SUBMITTED, application, submitted, id);
		publish(APPLICATIONS, STATUS_CHANGED, application, EventNoticesIT.data("status-changed", application, citizen));
		List<JsonNode> notices = inboxUntil(token, items -> items.size() >= 3);

		assertThat(notices).extracting(n -> n.get("type").asString())
			.containsExactlyInAnyOrder(SUBMITTED, COMPLETED, STATUS_CHANGED);
		assertThat(count("select count(*) from notice_event where event_id = ?", id)).isEqualTo(1);
		assertThat(count("select count(*) from notice n join notice_event e on e.notice_id = n.id where e.event_id = ?",
				id)).isEqualTo(1);
		assertThat(count("select count(*) from delivery d join notice_event e on e.notice_id = d.notice_id"
				+ " where e.event_id = ?", id)).isEqualTo(1);
	}

	@Test
	void aRecordThatCannotBeHandledInTheMiddleOfAPollGoesToTheDeadLetterTopicAlone() {
		String citizen = unique("batch-poison");
		String token = TestTokens.citizen(citizen);
		String application = UUID.randomUUID().toString();
		String poison = UUID.randomUUID().toString();
		String before = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		TestKafka.sendTogether(KAFKA, List.of(
				record(APPLICATIONS, SUBMITTED, application, EventNoticesIT.data("submitted", application, citizen),
						before),
				// does not fit the contract record of the type: can never become a notice
				record(APPLICATIONS, SUBMITTED, application, "{\"applicationId\": 42", poison),
				record(APPLICATIONS, COMPLETED, application, EventNoticesIT.data("completed", application, citizen),
						after)));

		List<ConsumerRecord<String, byte[]>> dead = TestKafka.read(KAFKA, APPLICATIONS + ".dlt",
				read -> read.stream().anyMatch(r -> poison.equals(header(r, "ce_id"))), Duration.ofSeconds(30));
		assertThat(dead).filteredOn(r -> List.of(before, after).contains(header(r, "ce_id"))).isEmpty();
		List<JsonNode> notices = inboxUntil(token, items -> items.size() >= 2);
		assertThat(notices).extracting(n -> n.get("type").asString()).containsExactlyInAnyOrder(SUBMITTED, COMPLETED);
		assertThat(count("select count(*) from notice_event where event_id in (?, ?)", before, after)).isEqualTo(2);
		assertThat(count("select count(*) from notice_event where event_id = ?", poison)).isZero();
		assertThat(count("select count(*) from event_log where event_id = ?", poison)).as("rolled back").isZero();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
