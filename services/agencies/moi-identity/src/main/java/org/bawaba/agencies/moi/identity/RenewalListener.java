package org.bawaba.agencies.moi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;

import org.bawaba.contracts.Topics;
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.contracts.agency.CredentialType;
import org.bawaba.contracts.eservices.CredentialRenewalApprovedV1;
import org.bawaba.platform.events.inbox.InboxListener;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ministry's answer to an approved renewal (the platform's {@code credential.renewal-approved}): a new
 * credential of the same type for the same holder, valid from today for the type's validity, with a new
 * number, announced as {@code credential.issued} with {@code replaces} — which completes the citizen's
 * renewal application at the platform. Idempotent: a credential is renewed at most once.
 */
@Component
class RenewalListener {

	private static final Logger log = LoggerFactory.getLogger(RenewalListener.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CredentialRepository credentials;

	private final EventPublisher events;

	private final String agency;

	private final Period idCardValidity;

	private final Period residencePermitValidity;

	private final ZoneId zone;

	private final Clock clock;

	RenewalListener(CredentialRepository credentials, EventPublisher events, @Value("${bawaba.agency}") String agency,
			@Value("${identity.renewal.validity.id-card:P5Y}") Period idCardValidity,
			@Value("${identity.renewal.validity.residence-permit:P1Y}") Period residencePermitValidity,
			@Value("${identity.zone:Asia/Qatar}") ZoneId zone, ObjectProvider<Clock> clock) {
		this.credentials = credentials;
		this.events = events;
		this.agency = agency;
		this.idCardValidity = idCardValidity;
		this.residencePermitValidity = residencePermitValidity;
		this.zone = zone;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@InboxListener(topic = Topics.ESERVICES_CREDENTIALS)
	void approved(CredentialRenewalApprovedV1 event) {
		if (!agency.equals(event.agency())) {
			return; // another agency's credential
		}
		Credential old = credentials.find(event.credentialId()).orElse(null);
		if (old == null || !old.citizen().equals(event.citizen()) || old.type() != event.type()) {
			log.warn("Renewal of {} approved, but this ministry issued no such credential to that holder; ignored",
					event.credentialId());
			return;
		}
		if (credentials.renewalOf(old.id()).isPresent()) {
			log.info("Credential {} is renewed already; approval {} ignored", old.id(), event.applicationId());
			return;
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant now = clock.instant();
		for (int attempt = 0; attempt < 5; attempt++) {
			Credential renewed = new Credential(UUID.randomUUID(), old.citizen(), old.type(), number(old.type()), today,
					today.plus(validity(old.type())), now, old.id());
			if (credentials.insertRenewal(renewed)) {
				events.publish(new CredentialIssuedV1(renewed.id(), agency, renewed.citizen(), renewed.type(),
						renewed.issuedOn(), renewed.expiresOn(), now, old.id()));
				return;
			}
			if (credentials.renewalOf(old.id()).isPresent()) {
				return; // renewed meanwhile by another delivery
			}
		}
		throw new IllegalStateException("no free credential number after 5 attempts");
	}

	private Period validity(CredentialType type) {
		return type == CredentialType.ID_CARD ? idCardValidity : residencePermitValidity;
	}

	private static String number(CredentialType type) {
		return (type == CredentialType.ID_CARD ? "ID" : "RP") + "%08d".formatted(RANDOM.nextInt(100_000_000));
	}

}
