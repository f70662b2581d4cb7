package org.bawaba.agencies.ewa.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.bawaba.contracts.Topics;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.platform.test.TestHttpServer;
import org.bawaba.platform.test.TestKafka;

/**
 * What this agency's tests need of the platform around it: the realm's token endpoint and eservices'
 * {@code GET /changes/{id}} (loopback stand-ins answering as the real ones do; the real ones are used end
 * to end in {@code deploy/e2e}'s {@code TellUsOnceIT}), and eservices' {@code change.reported} events.
 */
final class Eservices {

	/** The changes eservices holds: id → its JSON as {@code GET /changes/{id}} answers it. */
	final Map<String, String> changes = new ConcurrentHashMap<>();

	/** Authorization headers of the calls to {@code /changes/...}. */
	final List<String> changeAuthorizations = new CopyOnWriteArrayList<>();

	/** Authorization headers (client id and secret) of the token requests. */
	final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();

	final TestHttpServer server = TestHttpServer.create()
		.answer("/token", exchange -> {
			tokenAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			return new TestHttpServer.Answer(200, "application/json",
					"{\"access_token\":\"ewa-service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}");
		})
		.answer("/changes/", exchange -> {
			changeAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			String id = exchange.getRequestURI().getPath().substring("/changes/".length());
			String change = changes.get(id);
			return change == null ? new TestHttpServer.Answer(404, "application/problem+json", "{\"status\":404}")
					: new TestHttpServer.Answer(200, "application/json", change);
		})
		.start();

	/** Records a change of address and returns its id. */
	String addressChange(String citizen, String line1, String city) {
		String id = UUID.randomUUID().toString();
		changes.put(id, """
				{"id":"%s","citizenSubject":"%s","kind":"ADDRESS","address":{"line1":"%s","city":"%s"},
				 "reportedAt":"2026-11-20T10:00:00Z"}""".formatted(id, citizen, line1, city));
		return id;
	}

	/** Publishes eservices' request for the agencies to update. */
	static void report(String kafka, String changeId, String citizen, String kind, List<String> agencies) {
		String agencyList = String.join(",", agencies.stream().map(agency -> "\"" + agency + "\"").toList());
		String data = """
				{"changeId":"%s","citizenSubject":"%s","kind":"%s","agencies":[%s],"attempt":1,
				 "reportedAt":"2026-11-20T10:00:00Z"}""".formatted(changeId, citizen, kind, agencyList);
		CloudEvent event = CloudEventBuilder.v1()
			.withId(UUID.randomUUID().toString())
			.withSource(URI.create("/bawaba/eservices"))
			.withType(ChangeReportedV1.TYPE)
			.withSubject(changeId)
			.withTime(OffsetDateTime.now())
			.withDataContentType("application/json")
			.withData(data.getBytes(StandardCharsets.UTF_8))
			.build();
		TestKafka.send(kafka, KafkaMessageFactory.createWriter(Topics.ESERVICES_CHANGES, changeId).writeBinary(event));
	}

}
