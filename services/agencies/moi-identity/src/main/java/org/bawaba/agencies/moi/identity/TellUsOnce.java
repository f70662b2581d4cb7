package org.bawaba.agencies.moi.identity;

// --- tellonce ---
import java.sql.Timestamp;
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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tell us once, the ministry's side: a change addressed to this agency is read from eservices with the
 * service's own client, recorded as the address or phone of the credential holder, and confirmed with
 * {@code change.confirmed}. A person who holds no credential of the ministry is answered FAILED.
 */
@Component
class TellUsOnce {

	private final JdbcClient jdbc;

	private final CredentialRepository credentials;

	private final ServiceClients clients;

	private final EventPublisher events;

	private final MessageSource messages;

	private final String agency;

	private final Clock clock;

	TellUsOnce(JdbcClient jdbc, CredentialRepository credentials, ServiceClients clients, EventPublisher events,
			MessageSource messages, @Value("${bawaba.agency}") String agency, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.credentials = credentials;
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
		Instant now = clock.instant();
		if (credentials.ofCitizen(change.citizenSubject()).isEmpty()) {
			events.publish(new ChangeConfirmedV1(change.changeId(), agency, ChangeOutcome.FAILED,
					reason("change.no-credential"), now));
			return;
		}
		NewValue value = clients.withServiceCredentials("eservices")
			.get()
			.uri("/changes/{id}", change.changeId())
			.retrieve()
			.body(NewValue.class);
		if (change.kind() == ChangeKind.ADDRESS) {
			jdbc.sql("""
					insert into holder_contact (citizen, line1, line2, city, postal_code, updated_at) values (?, ?, ?, ?, ?, ?)
					on conflict (citizen) do update set line1 = excluded.line1, line2 = excluded.line2,
					city = excluded.city, postal_code = excluded.postal_code, updated_at = excluded.updated_at""")
				.params(value.citizenSubject(), value.address().line1(), value.address().line2(), value.address().city(),
						value.address().postalCode(), Timestamp.from(now))
				.update();
		}
		else {
			jdbc.sql("""
					insert into holder_contact (citizen, phone, updated_at) values (?, ?, ?)
					on conflict (citizen) do update set phone = excluded.phone, updated_at = excluded.updated_at""")
				.params(value.citizenSubject(), value.phone(), Timestamp.from(now))
				.update();
		}
		events.publish(new ChangeConfirmedV1(change.changeId(), agency, ChangeOutcome.UPDATED, null, now));
	}

	private Reason reason(String code) {
		return new Reason(messages.getMessage(code, null, Locale.ENGLISH),
				messages.getMessage(code, null, Locale.forLanguageTag("ar")));
	}

	/** What eservices answers for {@code GET /changes/{id}}. */
	record NewValue(UUID id, String citizenSubject, ChangeKind kind, Address address, String phone) {
	}

	record Address(String line1, String line2, String city, String postalCode) {
	}

}
// --- end tellonce ---
