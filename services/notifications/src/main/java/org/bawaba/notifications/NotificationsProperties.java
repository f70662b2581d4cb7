package org.bawaba.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.*}: the event table, categories, channels and webhooks.
 *
 * @param defaultLocale language of people nobody knows a language of
 * @param categories the categories people choose channels for, with the channels used until they do
 * @param events the table: event type to category, recipients, template
 * @param delivery the e-mail and SMS delivery job
 * @param email e-mail settings (the SMTP server is {@code spring.mail.*})
 * @param sms the SMS provider adapter
 * @param stream the live stream of the inbox
 * @param keycloak look-ups of contact details and locale in Keycloak
 * @param webhooks webhook subscriptions of other systems
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(@DefaultValue("ar") String defaultLocale, Map<String, Category> categories,
		Map<String, EventRule> events, @DefaultValue Delivery delivery, @DefaultValue Email email,
		@DefaultValue Sms sms, @DefaultValue Stream stream, @DefaultValue Keycloak keycloak,
		@DefaultValue Webhooks webhooks) {

	public NotificationsProperties {
		categories = categories == null ? Map.of() : Map.copyOf(categories);
		events = events == null ? Map.of() : Map.copyOf(events);
	}

	/** @param channels the channels used until a person chooses */
	public record Category(List<Channel> channels) {
	}

	/**
	 * One row of the table.
	 *
	 * @param category one of {@code categories}
	 * @param recipients {@code subject:<field>}, {@code audience:<field>}, {@code supplier:<field>},
	 * {@code subscribers:<field>}, {@code tender-subscribers:<field>}
	 * @param template the template code
	 * @param link the notice's link in the portal (placeholders allowed)
	 * @param required a legally required notice: sent even to people who opted out
	 * @param consolidationKey events of one person with the same key within the window become one notice
	 * @param consolidationWindow how long a consolidated notice stays open for more events
	 */
	public record EventRule(String category, List<String> recipients, String template, @Nullable String link,
			boolean required, @Nullable String consolidationKey, @Nullable Duration consolidationWindow) {
	}

	/**
	 * @param pollInterval how often the job looks for due deliveries
	 * @param batchSize deliveries claimed at once
	 * @param lease after this a claimed delivery whose worker died is due again
	 */
	public record Delivery(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("50") int batchSize,
			@DefaultValue("2m") Duration lease) {
	}

	/**
	 * @param attempts attempts before a delivery is FAILED (the first included)
	 * @param initial wait before the second attempt
	 * @param multiplier growth of the wait
	 * @param max longest wait
	 */
	public record Retry(@DefaultValue("5") int attempts, @DefaultValue("30s") Duration initial,
			@DefaultValue("2") double multiplier, @DefaultValue("1h") Duration max) {

		/** The wait after {@code attempts} failed attempts. */
		public Duration backoff(int attempts) {
			double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
			return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
		}

	}

	public record Email(@DefaultValue("Bawaba <no-reply@bawaba.local>") String from, @DefaultValue Retry retry) {
	}

	/**
	 * @param baseUrl the provider's API; empty: SMS is not configured
	 * @param apiKey sent as a bearer token
	 * @param sender the sender name
	 * @param receiptSecret HMAC-SHA256 key of the delivery receipts
	 */
	public record Sms(@Nullable String baseUrl, @Nullable String apiKey, @DefaultValue("Bawaba") String sender,
			@Nullable String receiptSecret, @DefaultValue Retry retry) {
	}

	/**
	 * @param heartbeat how often a comment keeps idle streams open through proxies
	 * @param timeout a stream's lifetime (browsers reconnect)
	 * @param reconnect how soon the connection that listens for notices of every instance is opened again
	 */
	public record Stream(@DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration timeout,
			@DefaultValue Reconnect reconnect) {
	}

	/**
	 * @param initial wait before the first attempt after a failure
	 * @param max longest wait (the wait doubles from {@code initial})
	 */
	public record Reconnect(@DefaultValue("1s") Duration initial, @DefaultValue("30s") Duration max) {
	}

	/**
	 * @param clientId the confidential client with a service account (realm-management/view-users)
	 * @param clientSecret its secret; empty: no look-ups
	 * @param cacheTtl how long a looked-up record is reused
	 */
	public record Keycloak(@DefaultValue("notifications") String clientId, @Nullable String clientSecret,
			@DefaultValue("5m") Duration cacheTtl) {
	}

	/**
	 * @param allowHttpLoopback accept {@code http://localhost} and {@code http://127.0.0.1} endpoints
	 * @param pollInterval how often the job looks for due deliveries
	 * @param timeout connect and read timeout of one delivery
	 * @param retry attempts of one delivery
	 * @param pauseAfter consecutive failed attempts after which a subscription is paused
	 * @param retention how long consumed events are kept for replays
	 * @param eventTypes the types systems may subscribe to
	 */
	public record Webhooks(@DefaultValue("false") boolean allowHttpLoopback, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("5s") Duration timeout, @DefaultValue Retry retry, @DefaultValue("10") int pauseAfter,
			@DefaultValue("30d") Duration retention, List<String> eventTypes) {

		public Webhooks {
			eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
		}

	}

}
