package org.bawaba.contracts;

import java.util.List;

import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.ApplicationInfoRequestedV1;
import org.bawaba.contracts.eservices.ApplicationPaymentConfirmedV1;
import org.bawaba.contracts.eservices.ApplicationRatedV1;
import org.bawaba.contracts.eservices.ApplicationStatusChangedV1;
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
import org.bawaba.contracts.eservices.ServiceStatisticsPublishedV1;
import org.bawaba.contracts.gateway.UsageRecordedV1;

/** The list of every event contract; tests keep it, the schemas and the AsyncAPI document in step. */
public final class Contracts {

	/** Every event record. */
	public static final List<Class<? extends DomainEvent>> EVENTS = List.of(ApplicationSubmittedV1.class,
			ApplicationStatusChangedV1.class, ApplicationInfoRequestedV1.class, ApplicationPaymentConfirmedV1.class,
			ApplicationCompletedV1.class, ApplicationRatedV1.class, ServiceStatisticsPublishedV1.class,
			UsageRecordedV1.class);

	private Contracts() {
	}

	/** The {@link EventType} of an event class. */
	public static EventType typeOf(Class<?> eventClass) {
		EventType type = eventClass.getAnnotation(EventType.class);
		if (type == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
		}
		return type;
	}

	/** Classpath location of the JSON Schema of an event type. */
	public static String schemaLocation(String type) {
		return "schemas/" + type + ".json";
	}

}
