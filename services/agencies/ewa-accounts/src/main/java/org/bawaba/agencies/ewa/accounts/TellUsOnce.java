package org.bawaba.agencies.ewa.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.ChangeConfirmedV1;
import org.bawaba.contracts.agency.ChangeOutcome;
import org.bawaba.contracts.agency.Reason;
import org.bawaba.contracts.eservices.ChangeKind;
import org.bawaba.contracts.eservices.ChangeReportedV1;
import org.bawaba.platform.client.ServiceClients;
import org.bawaba.platform.events.inbox.InboxListener;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tell us once, the authority's side: a change a citizen reported to the platform, addressed to this
 * agency, is read from eservices with the service's own client (the new value never travels in events),
 * applied to the citizen's accounts, and answered with {@code change.confirmed}. Runs in the inbox
 * transaction: a redelivered request is ignored, a failed one (eservices unreachable) is retried and then
 * parked; eservices asks again later anyway. While this service is down the requests wait in Kafka for its
 * consumer group and are handled when it is back.
 */
@Component
class TellUsOnce {

	private static final Logger log = LoggerFactory.getLogger(TellUsOnce.class);

	private final AccountRepository accounts;

	private final ServiceClients clients;

	private final EventPublisher events;

	private final MessageSource messages;

	private final String agency;

	private final Clock clock;

	TellUsOnce(AccountRepository accounts, ServiceClients clients, EventPublisher events, MessageSource messages,
			@Value("${bawaba.agency}") String agency, ObjectProvider<Clock> clock) {
		this.accounts = accounts;
		this.clients = clients;
		this.events = events;
		this.messages = messages;
		this.agency = agency;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@InboxListener(topic = Topics.ESERVICES_CHANGES)
	void on(ChangeReportedV1 change) {
		if (!change.agencies().contains(agency)) {
			return;
		}
		NewValue value = clients.withServiceCredentials("eservices")
			.get()
			.uri("/changes/{id}", change.changeId())
			.retrieve()
			.body(NewValue.class);
		Instant now = clock.instant();
		int updated = change.kind() == ChangeKind.ADDRESS ? accounts.moveAll(value.citizenSubject(), value.address(), now)
				: accounts.rephoneAll(value.citizenSubject(), value.phone(), now);
		log.info("Change {} ({}) applied to {} account(s)", change.changeId(), change.kind(), updated);
		events.publish(updated > 0 ? new ChangeConfirmedV1(change.changeId(), agency, ChangeOutcome.UPDATED, null, now)
				: new ChangeConfirmedV1(change.changeId(), agency, ChangeOutcome.FAILED, reason("change.no-account"),
						now));
	}

	private Reason reason(String code) {
		return new Reason(messages.getMessage(code, null, Locale.ENGLISH),
				messages.getMessage(code, null, Locale.forLanguageTag("ar")));
	}

	/** What eservices answers for {@code GET /changes/{id}}. */
	record NewValue(UUID id, String citizenSubject, ChangeKind kind, Address address, String phone) {
	}

}
