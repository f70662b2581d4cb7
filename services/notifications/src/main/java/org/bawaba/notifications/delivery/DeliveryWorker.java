package org.bawaba.notifications.delivery;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bawaba.notifications.Channel;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.person.ContactDirectory;
import org.bawaba.notifications.person.ContactDirectory.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the e-mail and SMS deliveries that are due: claims a batch ({@code FOR UPDATE SKIP LOCKED}, with
 * a lease so that a crashed worker's deliveries come due again), resolves the recipient's contact and
 * language at send time, sends, and records SENT (with the provider's reference), NOT_CONFIGURED,
 * NO_CONTACT, FAILED, or PENDING again with the channel's back-off.
 */
@Component
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NotificationsProperties properties;

	private final ContactDirectory contacts;

	private final EmailSender email;

	private final SmsSender sms;

	DeliveryWorker(JdbcClient jdbc, TransactionTemplate transactions, NotificationsProperties properties,
			ContactDirectory contacts, EmailSender email, SmsSender sms) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.contacts = contacts;
		this.email = email;
		this.sms = sms;
	}

	private record Due(long id, UUID noticeId, String recipient, Channel channel, int attempts) {
	}

	/** Works one batch; returns how many deliveries were attempted. */
	public int runOnce() {
		List<Due> due = transactions.execute(status -> jdbc.sql("""
				update delivery d set attempts = d.attempts + 1,
				  next_attempt_at = now() + make_interval(secs => ?), updated_at = now()
				where d.id in (select id from delivery where status = 'PENDING' and next_attempt_at <= now()
				  order by next_attempt_at, id limit ? for update skip locked)
				returning d.id, d.notice_id, d.recipient, d.channel, d.attempts""")
			.params(properties.delivery().lease().toSeconds(), properties.delivery().batchSize())
			.query((row, index) -> new Due(row.getLong("id"), row.getObject("notice_id", UUID.class),
					row.getString("recipient"), Channel.valueOf(row.getString("channel")), row.getInt("attempts")))
			.list());
		for (Due delivery : due) {
			Outcome outcome;
			try {
				outcome = attempt(delivery);
			}
			catch (RuntimeException ex) {
				log.warn("Delivery {} failed: {}", delivery.id(), ex.toString());
				outcome = new Outcome.Failed(ex.getClass().getSimpleName() + ": " + ex.getMessage(), false);
			}
			record(delivery, outcome);
		}
		return due.size();
	}

	private Outcome attempt(Due delivery) {
		Contact contact = contacts.resolve(delivery.recipient());
		Locale locale = contact.language();
		boolean arabic = "ar".equals(locale.getLanguage());
		Message message = jdbc.sql("select subject_en, body_en, subject_ar, body_ar, link from notice where id = ?")
			.param(delivery.noticeId())
			.query((row, index) -> new Message(delivery.id(), row.getString(arabic ? "subject_ar" : "subject_en"),
					row.getString(arabic ? "body_ar" : "body_en"), row.getString("link"), locale))
			.single();
		return switch (delivery.channel()) {
			case EMAIL -> contact.email().value() == null ? new Outcome.NoContact()
					: email.send(contact.email().value(), message);
			case SMS -> contact.phone().value() == null ? new Outcome.NoContact()
					: sms.send(contact.phone().value(), message);
			case INBOX -> new Outcome.Sent(null);
		};
	}

	private void record(Due delivery, Outcome outcome) {
		NotificationsProperties.Retry retry = delivery.channel() == Channel.SMS ? properties.sms().retry()
				: properties.email().retry();
		switch (outcome) {
			case Outcome.Sent sent -> update(delivery, "SENT", sent.reference(), null, null);
			case Outcome.NotConfigured notConfigured -> update(delivery, "NOT_CONFIGURED", null, null, null);
			case Outcome.NoContact noContact -> update(delivery, "NO_CONTACT", null, null, null);
			case Outcome.Failed failed -> {
				boolean last = failed.permanent() || delivery.attempts() >= retry.attempts();
				update(delivery, last ? "FAILED" : "PENDING", null, failed.error(),
						last ? null : retry.backoff(delivery.attempts()).toMillis() / 1000.0);
				if (last) {
					log.warn("{} delivery {} failed after {} attempts: {}", delivery.channel(), delivery.id(),
							delivery.attempts(), failed.error());
				}
			}
		}
	}

	private void update(Due delivery, String status, String reference, String error, Double retryInSeconds) {
		jdbc.sql("""
				update delivery set status = ?, provider_ref = coalesce(?, provider_ref), last_error = ?,
				  next_attempt_at = case when cast(? as float8) is null then null
				    else now() + make_interval(secs => cast(? as float8)) end,
				  updated_at = now()
				where id = ?""")
			.params(status, reference, error == null ? null : error.substring(0, Math.min(500, error.length())),
					retryInSeconds, retryInSeconds, delivery.id())
			.update();
	}

}
