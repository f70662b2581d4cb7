package org.bawaba.contracts;

/**
 * An event record published by a Bawaba service. Every implementation is a record annotated with
 * {@link EventType}, listed in {@link Contracts#EVENTS} and described by a JSON Schema.
 */
public interface DomainEvent {

	/**
	 * The id of the entity the event is about: the Kafka key (so one entity's events stay in order)
	 * and the CloudEvents {@code subject}.
	 */
	String entityId();

}
