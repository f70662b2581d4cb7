package org.bawaba.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

/**
 * A discovery client to which services register while the gateway runs, as they do in Eureka.
 * The gateway sees it beside the simple discovery client configured in properties.
 */
final class LateRegistrations implements ReactiveDiscoveryClient {

	private final Map<String, ServiceInstance> instances = new ConcurrentHashMap<>();

	void register(String serviceId, int port) {
		this.instances.put(serviceId, new DefaultServiceInstance(serviceId + "-1", serviceId, "127.0.0.1", port, false));
	}

	@Override
	public String description() {
		return "services registered during the tests";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		ServiceInstance instance = this.instances.get(serviceId);
		return instance != null ? Flux.just(instance) : Flux.empty();
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(List.copyOf(this.instances.keySet()));
	}

}
