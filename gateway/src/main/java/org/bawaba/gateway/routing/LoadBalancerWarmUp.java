package org.bawaba.gateway.routing;

import java.net.URI;

import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Creates the load balancer (a child context per service id, named exactly as the route's
 * {@code lb://} host, as the load-balancing filter looks it up) of each routed service as soon as its route appears. Spring Cloud
 * LoadBalancer otherwise builds it on the service's first request, inside that request's 1 s time
 * limit, which on a busy machine turned the first answer into a 504.
 */
@Component
class LoadBalancerWarmUp implements ApplicationListener<RefreshRoutesResultEvent> {

	private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;

	LoadBalancerWarmUp(ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
		this.loadBalancers = loadBalancers;
	}

	@Override
	public void onApplicationEvent(RefreshRoutesResultEvent event) {
		if (!event.isSuccess() || !(event.getSource() instanceof RouteLocator routes)) {
			return;
		}
		routes.getRoutes()
			.map(Route::getUri)
			.filter(uri -> "lb".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null)
			.map(URI::getHost)
			.distinct()
			.publishOn(Schedulers.boundedElastic())
			.subscribe(this.loadBalancers::getInstance);
	}

}
