package org.bawaba.platform.events.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bawaba.contracts.Contracts;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.web.CorrelationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the records of one poll, once per consumer group, to the matching handlers, in ONE transaction: the
 * event ids are recorded with one multi-row insert that skips those already processed (and duplicates within
 * the poll), then each fresh event goes to its handlers. The container commits the offsets only after the
 * transaction committed. When a record fails, the transaction is rolled back, the records before it are
 * handled again in a new transaction and committed, and the failed record is reported by its index
 * ({@link BatchListenerFailedException}): the error handler retries it with back-off, then parks it on the
 * dead-letter topic alone, and the records after it come again in the next poll.
 * <p>
 * On a per-agency topic, an event must name the topic's agency ({@code agency} in its data): only that
 * agency's services may write the topic (Kafka's ACLs), so the topic is the proof of which agency answered.
 * An event naming another agency is parked on the dead-letter topic at once, and no handler sees it.
 */
class InboxDispatcher implements BatchMessageListener<String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

	private final String topic;

	private final String group;

	private final List<Handler> handlers;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	InboxDispatcher(String topic, String group, List<Handler> handlers, JdbcClient jdbc,
			TransactionTemplate transactions, JsonMapper json) {
		this.topic = topic;
		this.group = group;
		this.handlers = List.copyOf(handlers);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
		int end = records.size();
		RecordFailure failure = null;
		while (end > 0) {
			try {
				List<ConsumerRecord<String, byte[]>> batch = records.subList(0, end);
				transactions.executeWithoutResult(status -> handle(batch));
				break;
			}
			catch (RecordFailure failed) {
				// rolled back: the records before the failed one are handled again without it
				failure = failed;
				end = failed.index;
			}
		}
		if (failure != null) {
			Throwable cause = failure.getCause();
			throw new BatchListenerFailedException(String.valueOf(cause.getMessage()), cause,
					records.get(failure.index));
		}
	}

	private void handle(List<ConsumerRecord<String, byte[]>> records) {
		List<Received> received = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, byte[]> record = records.get(index);
			CloudEvent event;
			try {
				event = KafkaMessageFactory.createReader(record).toEvent();
			}
			catch (RuntimeException ex) {
				throw new RecordFailure(index, new PoisonEventException("Not a CloudEvent in binary mode: "
						+ record.topic() + "@" + record.offset(), ex));
			}
			List<Handler> matching = handlers.stream().filter(handler -> handler.accepts(event.getType())).toList();
			if (matching.isEmpty()) {
				log.debug("No handler in {} for {}; skipped", group, event.getType());
				continue;
			}
			if (Topics.perAgency(topic)) {
				checkAgency(index, record, event);
			}
			received.add(new Received(index, record, event, matching));
		}
		if (received.isEmpty()) {
			return;
		}
		Set<String> fresh = record(received);
		for (Received one : received) {
			if (!fresh.remove(one.event().getId())) {
				log.info("Event {} already processed by {}; duplicate ignored", one.event().getId(), group);
				continue;
			}
			String correlationId = header(one.record(), CorrelationId.HEADER);
			if (correlationId != null) {
				MDC.put(CorrelationId.MDC_KEY, correlationId);
			}
			try {
				for (Handler handler : one.handlers()) {
					handler.invoke(one.event(), json);
				}
			}
			catch (RuntimeException ex) {
				throw new RecordFailure(one.index(), ex);
			}
			finally {
				MDC.remove(CorrelationId.MDC_KEY);
			}
		}
	}

	/** An event on an agency's topic must be that agency's. */
	private void checkAgency(int index, ConsumerRecord<String, byte[]> record, CloudEvent event) {
		String owner = Topics.agencyOf(topic, record.topic()).orElse(null);
		String named;
		try {
			named = event.getData() == null ? null
					: json.readTree(event.getData().toBytes()).path("agency").asString(null);
		}
		catch (JacksonException ex) {
			named = null;
		}
		if (owner == null || !owner.equals(named)) {
			log.warn("Event {} ({}) on {} names the agency {}: an agency answers only on its own topic; refused",
					event.getId(), event.getType(), record.topic(), named);
			throw new RecordFailure(index, new PoisonEventException("Event " + event.getId() + " on "
					+ record.topic() + " names the agency " + named + ", not the topic's", null));
		}
	}

	/** Records the ids in one statement; answers those not processed before. */
	private Set<String> record(List<Received> received) {
		Map<String, String> topics = new LinkedHashMap<>();
		received.forEach(one -> topics.putIfAbsent(one.event().getId(), one.record().topic()));
		return new HashSet<>(jdbc.sql("""
				insert into bawaba_processed_event (consumer_group, event_id, topic)
				select ?, event_id, topic from unnest(?::text[], ?::text[]) as received (event_id, topic)
				on conflict do nothing
				returning event_id""")
			.params(group, topics.keySet().toArray(String[]::new), topics.values().toArray(String[]::new))
			.query(String.class)
			.list());
	}

	private record Received(int index, ConsumerRecord<String, byte[]> record, CloudEvent event,
			List<Handler> handlers) {
	}

	/** The record at {@code index} of the batch failed; thrown inside the transaction to roll it back. */
	private static final class RecordFailure extends RuntimeException {

		private final int index;

		RecordFailure(int index, RuntimeException cause) {
			super(cause.getMessage(), cause, false, false);
			this.index = index;
		}

	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** One {@link InboxListener} method. */
	record Handler(Object bean, Method method, @Nullable Class<?> eventClass, boolean wantsEnvelope) {

		static Handler of(Object bean, Method method) {
			Class<?>[] parameters = method.getParameterTypes();
			method.setAccessible(true);
			if (parameters.length == 1 && parameters[0] == CloudEvent.class) {
				return new Handler(bean, method, null, true);
			}
			if ((parameters.length == 1 || (parameters.length == 2 && parameters[1] == CloudEvent.class))
					&& parameters[0].isRecord()) {
				Contracts.typeOf(parameters[0]);
				return new Handler(bean, method, parameters[0], parameters.length == 2);
			}
			throw new IllegalStateException("@InboxListener method " + method
					+ " must take (EventRecord), (EventRecord, CloudEvent) or (CloudEvent)");
		}

		boolean accepts(String type) {
			return eventClass == null || Contracts.typeOf(eventClass).value().equals(type);
		}

		void invoke(CloudEvent event, JsonMapper json) {
			Object[] arguments;
			if (eventClass == null) {
				arguments = new Object[] { event };
			}
			else {
				Object data;
				try {
					data = json.readValue(event.getData() == null ? new byte[0] : event.getData().toBytes(), eventClass);
				}
				catch (JacksonException ex) {
					throw new PoisonEventException("Data of " + event.getId() + " does not fit " + eventClass.getName(),
							ex);
				}
				arguments = wantsEnvelope ? new Object[] { data, event } : new Object[] { data };
			}
			try {
				method.invoke(bean, arguments);
			}
			catch (InvocationTargetException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
