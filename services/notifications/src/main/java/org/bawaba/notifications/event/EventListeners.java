package org.bawaba.notifications.event;

import io.cloudevents.CloudEvent;
import org.bawaba.contracts.Topics;
import org.bawaba.platform.events.inbox.InboxListener;

import org.springframework.stereotype.Component;

/**
 * The topics this service reads; every event on them goes through {@link EventIntake} (the event table
 * decides what it means). Participation's and procurement's topics are named here until their
 * constants are in {@code Topics}.
 */
@Component
class EventListeners {

	static final String PARTICIPATION_POLLS = "bawaba.participation.polls";

	static final String PARTICIPATION_COMPLAINTS = "bawaba.participation.complaints";

	static final String PROCUREMENT_TENDERS = "bawaba.procurement.tenders";

	static final String PROCUREMENT_SUPPLIERS = "bawaba.procurement.suppliers";

	private final EventIntake intake;

	EventListeners(EventIntake intake) {
		this.intake = intake;
	}

	@InboxListener(topic = Topics.ESERVICES_APPLICATIONS, concurrency = 3)
	void applications(CloudEvent event) {
		intake.accept(event);
	}

	@InboxListener(topic = PARTICIPATION_COMPLAINTS)
	void complaints(CloudEvent event) {
		intake.accept(event);
	}

	@InboxListener(topic = PARTICIPATION_POLLS)
	void polls(CloudEvent event) {
		intake.accept(event);
	}

	@InboxListener(topic = PROCUREMENT_TENDERS)
	void tenders(CloudEvent event) {
		intake.accept(event);
	}

	// --- tellonce ---
	@InboxListener(topic = Topics.ESERVICES_CHANGES)
	void changes(CloudEvent event) {
		intake.accept(event);
	}
	// --- end tellonce ---

	@InboxListener(topic = PROCUREMENT_SUPPLIERS)
	void suppliers(CloudEvent event) {
		intake.accept(event);
	}

	// --- renew ---
	@InboxListener(topic = Topics.ESERVICES_CREDENTIALS)
	void credentials(CloudEvent event) {
		intake.accept(event);
	}
	// --- end renew ---

}
