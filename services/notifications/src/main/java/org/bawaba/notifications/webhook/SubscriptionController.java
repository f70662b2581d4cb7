package org.bawaba.notifications.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.bawaba.notifications.NotificationsProperties;
import org.bawaba.notifications.web.InvalidInputException;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of authorised systems (tokens with the realm role {@code integration}, e.g. a
 * client-credentials client's service account). A system sees and changes only its own subscriptions.
 */
@RestController
@RequestMapping("/webhooks")
class SubscriptionController {

	static final String INTEGRATION = "integration";

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private final SubscriptionStore subscriptions;

	private final NotificationsProperties.Webhooks properties;

	SubscriptionController(SubscriptionStore subscriptions, NotificationsProperties properties) {
		this.subscriptions = subscriptions;
		this.properties = properties.webhooks();
	}

	record SubscriptionRequest(@NotBlank @Size(max = 2000) String url, @NotEmpty @Size(max = 50) List<String> types,
			@Nullable @Size(max = 500) String description) {
	}

	/** Creates a subscription; the answer holds its signing secret, this once. */
	@PostMapping
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody SubscriptionRequest request, Caller caller) {
		caller.requireRole(INTEGRATION);
		List<InvalidInputException.FieldMessage> errors = new ArrayList<>();
		checkUrl(request.url(), errors);
		for (String type : request.types()) {
			if (type == null || !properties.eventTypes().contains(type)) {
				errors.add(InvalidInputException.field("types", "webhook.type-unknown", String.valueOf(type)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Subscription created = subscriptions.create(caller.subject(), request.url(),
				request.types().stream().distinct().toList(), request.description());
		return ResponseEntity.created(URI.create("/webhooks/" + created.id()))
			.body(Map.of("subscription", created, "secret", created.secret()));
	}

	@GetMapping
	List<Subscription> list(Caller caller) {
		caller.requireRole(INTEGRATION);
		return subscriptions.ownedBy(caller.subject());
	}

	@GetMapping("/{id}")
	Subscription get(@PathVariable UUID id, Caller caller) {
		return owned(id, caller);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Caller caller) {
		subscriptions.delete(owned(id, caller).id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/resume")
	Subscription resume(@PathVariable UUID id, Caller caller) {
		subscriptions.resume(owned(id, caller).id());
		return subscriptions.find(id).orElseThrow();
	}

	/** Delivers again every kept event of the subscribed types since {@code from} (ISO-8601 instant). */
	@PostMapping("/{id}/replay")
	ResponseEntity<Map<String, Object>> replay(@PathVariable UUID id, @RequestParam Instant from, Caller caller) {
		Subscription subscription = owned(id, caller);
		int queued = subscriptions.replay(subscription, from);
		return ResponseEntity.accepted().body(Map.of("queued", queued, "from", from));
	}

	@GetMapping("/{id}/deliveries")
	List<SubscriptionStore.DeliveryView> deliveries(@PathVariable UUID id, Caller caller,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "50") int limit) {
		owned(id, caller);
		if (limit < 1 || limit > 500) {
			throw InvalidInputException.of("limit", "webhook.limit-invalid");
		}
		return subscriptions.deliveries(id, status, limit);
	}

	private Subscription owned(UUID id, Caller caller) {
		caller.requireRole(INTEGRATION);
		return subscriptions.owned(id, caller.subject())
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "subscription-not-found", id));
	}

	private void checkUrl(String url, List<InvalidInputException.FieldMessage> errors) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception ex) {
			errors.add(InvalidInputException.field("url", "webhook.url-invalid"));
			return;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
		boolean https = scheme.equals("https") && uri.getHost() != null;
		boolean loopback = scheme.equals("http") && properties.allowHttpLoopback() && uri.getHost() != null
				&& LOOPBACK.contains(uri.getHost());
		if (!https && !loopback || uri.getUserInfo() != null || uri.getFragment() != null) {
			errors.add(InvalidInputException.field("url", "webhook.url-not-https"));
		}
	}

}
