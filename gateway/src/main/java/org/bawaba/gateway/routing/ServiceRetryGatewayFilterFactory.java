package org.bawaba.gateway.routing;

import java.net.ConnectException;

import io.netty.channel.ConnectTimeoutException;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceRetry}: a call that could not even connect to the instance the load balancer chose (killed, or
 * stopped and not yet out of the registry) goes to the next instance, up to twice, whatever its method: nothing
 * reached the service, so nothing can happen twice. Spring Cloud Gateway's own {@code Retry} filter, with no
 * retry on a status and none on a failure after the request was sent (a POST may have been carried out).
 * Inside the service's breaker: the breaker counts a call as failed only when every instance tried failed.
 */
@Component
class ServiceRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	static final int RETRIES = 2;

	private final RetryGatewayFilterFactory retries = new RetryGatewayFilterFactory();

	ServiceRetryGatewayFilterFactory() {
		super(Object.class);
	}

	@Override
	public GatewayFilter apply(Object config) {
		RetryGatewayFilterFactory.RetryConfig retry = new RetryGatewayFilterFactory.RetryConfig()
			.setRetries(RETRIES)
			.setMethods(HttpMethod.values())
			.setSeries()
			.setStatuses()
			.setExceptions(ConnectException.class, ConnectTimeoutException.class);
		return this.retries.apply(retry);
	}

}
