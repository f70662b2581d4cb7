package org.bawaba.platform.events.inbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that handles events from a topic, once each:
 *
 * <pre>{@code
 * @InboxListener(topic = Topics.ESERVICES_APPLICATIONS)
 * void on(ApplicationSubmittedV1 event) { ... }
 * }</pre>
 *
 * The parameter is a contract record (only events of its {@code @EventType} are handed over; other types
 * on the topic are skipped) or {@code io.cloudevents.CloudEvent} (every event); a record may be followed
 * by a {@code CloudEvent} parameter for the envelope. The method runs in a transaction together with
 * the insert of the event id into {@code bawaba_processed_event}: a duplicate delivery is ignored, a
 * failure rolls both back and is retried with back-off ({@code bawaba.events.inbox.*}); what still fails,
 * and anything that is not a readable CloudEvent, goes to {@code <topic>.dlt} with the error in headers.
 * <p>
 * The transaction is shared by the records of one poll (one commit for up to {@code max.poll.records}
 * events; the offsets are committed after it). When one record fails, the others of its poll are rolled
 * back with it and handled again without it, so a method may run more than once for an event whose
 * transaction was rolled back: keep its effects in the transaction (database, outbox).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InboxListener {

	/** The topic, one of {@code org.bawaba.contracts.Topics}. */
	String topic();

	/** The consumer group; default {@code spring.kafka.consumer.group-id} (the service name). */
	String group() default "";

	/** Consumer threads. */
	int concurrency() default 1;

}
