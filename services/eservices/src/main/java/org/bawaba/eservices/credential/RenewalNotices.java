package org.bawaba.eservices.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.bawaba.contracts.eservices.CredentialExpiringV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "click to renew" notices: credentials expiring within the window, not renewed and without an open
 * renewal, each announced once per window as {@code credential.expiring} — the notice row and its event
 * commit together, and the row's primary key stops a second run or instance from sending it again.
 */
@Service
class RenewalNotices {

	private static final Logger log = LoggerFactory.getLogger(RenewalNotices.class);

	private final CredentialRepository credentials;

	private final EventPublisher events;

	private final RenewalProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RenewalNotices(CredentialRepository credentials, EventPublisher events, RenewalProperties properties,
			TransactionTemplate transactions, ObjectProvider<Clock> clock) {
		this.credentials = credentials;
		this.events = events;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What a run did. */
	record Run(int windowDays, LocalDate from, LocalDate until, @Nullable String agency, int sent) {
	}

	// no job lock: each notice is claimed by its credential_notice row (primary key) in the transaction of its event
	@Scheduled(cron = "${eservices.renewals.cron:0 0 6 * * *}", zone = "${eservices.renewals.zone:Asia/Qatar}")
	void daily() {
		Run run = send(null);
		log.info("Renewal notices: {} sent for credentials expiring by {}", run.sent(), run.until());
	}

	/** Sends the due notices of {@code agency}'s credentials (all agencies' when null). */
	Run send(@Nullable String agency) {
		int windowDays = properties.windowDays();
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		LocalDate until = today.plusDays(windowDays);
		Integer sent = transactions.execute(status -> {
			int count = 0;
			Instant now = clock.instant();
			for (Credential credential : credentials.expiring(today, until, agency)) {
				String service = properties.services().get(credential.type());
				if (service == null) {
					continue;
				}
				if (credentials.claimNotice(credential.id(), windowDays)) {
					events.publish(new CredentialExpiringV1(credential.id(), credential.agency(),
							credential.holderSubject(), credential.type(), credential.expiresOn(), windowDays, service,
							properties.linkOf(credential.id()), now));
					count++;
				}
			}
			return count;
		});
		return new Run(windowDays, today, until, agency, sent == null ? 0 : sent);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(properties.zone()));
	}

	int windowDays() {
		return properties.windowDays();
	}

}
