package org.bawaba.eservices.change;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.platform.events.inbox.InboxListener;

import org.springframework.stereotype.Component;

/** The agencies' answers to tell-us-once changes. */
@Component
class ChangeConfirmations {

	private final ChangeService changes;

	ChangeConfirmations(ChangeService changes) {
		this.changes = changes;
	}

	@InboxListener(topic = Topics.AGENCY_CHANGES)
	void on(ChangeConfirmedV1 confirmation) {
		changes.confirmed(confirmation);
	}

}
