package org.bawaba.eservices.credential;

import java.time.Instant;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.contracts.eservices.CredentialRenewalApprovedV1;
import org.bawaba.eservices.application.Application;
import org.bawaba.eservices.application.ApplicationMoved;
import org.bawaba.eservices.application.ApplicationService;
import org.bawaba.platform.events.inbox.InboxListener;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The renewal loop: agencies' {@code credential.issued} events fill the registry (one with {@code replaces}
 * marks the old credential renewed and completes its renewal application); an approved renewal
 * application asks the agency for the new credential ({@code credential.renewal-approved}), a rejected
 * one closes the renewal so that another may be opened. Every step is idempotent.
 */
@Component
class CredentialEvents {

	private static final Logger log = LoggerFactory.getLogger(CredentialEvents.class);

	private final CredentialRepository credentials;

	private final ApplicationService applications;

	private final EventPublisher events;

	CredentialEvents(CredentialRepository credentials, ApplicationService applications, EventPublisher events) {
		this.credentials = credentials;
		this.applications = applications;
		this.events = events;
	}

	@InboxListener(topic = Topics.AGENCY_CREDENTIALS)
	void issued(CredentialIssuedV1 event) {
		credentials.insert(event);
		if (event.replaces() == null) {
			return;
		}
		// only the same holder's credential of the same agency, and only once
		if (!credentials.markRenewed(event.replaces(), event.credentialId(), event.citizen(), event.agency())) {
			log.info("Credential {} does not renew a known, unrenewed credential {} of its holder; nothing to complete",
					event.credentialId(), event.replaces());
			return;
		}
		credentials.openRenewalOf(event.replaces()).ifPresent(application -> {
			credentials.closeRenewal(application);
			applications.completeForSystem(application, event.agency(), null);
		});
	}

	/** Runs inside the transaction of the application's change. */
	@EventListener
	void moved(ApplicationMoved moved) {
		Application application = moved.application();
		credentials.credentialOfRenewal(application.id()).flatMap(credentials::find).ifPresent(credential -> {
			switch (application.status()) {
				case APPROVED -> events.publish(new CredentialRenewalApprovedV1(credential.id(), credential.agency(),
						credential.holderSubject(), credential.type(), application.id(), Instant.now()));
				case REJECTED -> credentials.closeRenewal(application.id());
				default -> {
				}
			}
		});
	}

}
