package org.bawaba.gateway.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Which agencies are onboarded and which of their services, as the auth service lists them
 * ({@code GET /agencies}), read every {@code bawaba.agencies.refresh-interval}. An agency service is
 * routed only while its agency is ACTIVE there and lists the service; a change refreshes the routes.
 * When the auth service cannot be reached the last list is kept (and, before the first answer, no
 * agency service is routed: refused, not open).
 */
@Component
public class AgencyDirectory {

	private static final Logger log = LoggerFactory.getLogger(AgencyDirectory.class);

	private final ReactiveDiscoveryClient discovery;

	private final ApplicationEventPublisher events;

	private final WebClient http = WebClient.create();

	private final String directoryService;

	private final Duration refreshInterval;

	private volatile Map<String, Set<String>> active = Map.of();

	private Disposable refreshing;

	AgencyDirectory(ReactiveDiscoveryClient discovery, ApplicationEventPublisher events,
			@Value("${bawaba.agencies.directory-service:auth}") String directoryService,
			@Value("${bawaba.agencies.refresh-interval:10s}") Duration refreshInterval) {
		this.discovery = discovery;
		this.events = events;
		this.directoryService = directoryService;
		this.refreshInterval = refreshInterval;
	}

	/** Whether {@code service} of {@code agency} is onboarded and active. */
	public boolean isRouted(String agency, String service) {
		return this.active.getOrDefault(agency, Set.of()).contains(service);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.refreshing = Flux.interval(Duration.ZERO, this.refreshInterval)
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorResume(ex -> {
				log.debug("agency directory not refreshed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** Reads the list now; completes when it was read (or fails when the auth service cannot answer). */
	public Mono<Void> refresh() {
		return this.discovery.getInstances(this.directoryService)
			.next()
			.switchIfEmpty(Mono.error(new IllegalStateException(this.directoryService + " is not registered")))
			.flatMap(this::fetch)
			.doOnNext(this::update)
			.then();
	}

	private Mono<JsonNode> fetch(ServiceInstance instance) {
		return this.http.get()
			.uri(instance.getUri().resolve("/agencies"))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(Duration.ofSeconds(5));
	}

	private void update(JsonNode agencies) {
		Map<String, Set<String>> read = new HashMap<>();
		for (JsonNode agency : agencies) {
			if (!"ACTIVE".equals(agency.path("status").asString(""))) {
				continue;
			}
			Set<String> services = new HashSet<>();
			agency.path("services").forEach(service -> services.add(service.path("name").asString("")));
			read.put(agency.path("code").asString(""), Set.copyOf(services));
		}
		if (!read.equals(this.active)) {
			this.active = Map.copyOf(read);
			log.info("onboarded agencies: {}", this.active);
			this.events.publishEvent(new RefreshRoutesEvent(this));
		}
	}

	void stop() {
		if (this.refreshing != null) {
			this.refreshing.dispose();
		}
	}

}
