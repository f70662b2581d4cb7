package org.bawaba.platform.events.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bawaba.contracts.Contracts;
import org.bawaba.platform.web.CorrelationId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads one record as a CloudEvent and hands it, once per consumer group, to the matching handlers. */
class InboxDispatcher implements MessageListener<String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

	private final String group;

	private final List<Handler> handlers;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	InboxDispatcher(String group, List<Handler> handlers, JdbcClient jdbc, TransactionTemplate transactions,
			JsonMapper json) {
		this.group = group;
		this.handlers = List.copyOf(handlers);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(record).toEvent();
		}
		catch (RuntimeException ex) {
			throw new PoisonEventException("Not a CloudEvent in binary mode: " + record.topic() + "@"
					+ record.offset(), ex);
		}
		List<Handler> matching = handlers.stream().filter(handler -> handler.accepts(event.getType())).toList();
		if (matching.isEmpty()) {
			log.debug("No handler in {} for {}; skipped", group, event.getType());
			return;
		}
		String correlationId = header(record, CorrelationId.HEADER);
		if (correlationId != null) {
			MDC.put(CorrelationId.MDC_KEY, correlationId);
		}
		try {
			transactions.executeWithoutResult(status -> {
				int fresh = jdbc.sql("""
						insert into bawaba_processed_event (consumer_group, event_id, topic) values (?, ?, ?)
						on conflict do nothing""")
					.params(group, event.getId(), record.topic())
					.update();
				if (fresh == 0) {
					log.info("Event {} already processed by {}; duplicate ignored", event.getId(), group);
					return;
				}
				for (Handler handler : matching) {
					handler.invoke(event, json);
				}
			});
		}
		finally {
			MDC.remove(CorrelationId.MDC_KEY);
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
