package org.bawaba.platform.client;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.bawaba.platform.web.CorrelationId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

/**
 * Clients for calls to other Bawaba services by their Eureka name ({@code http://<service>/...} is
 * load-balanced), with timeouts, retries and a circuit breaker per service, the correlation id and trace
 * context, and either the caller's token or the service's own client-credentials token.
 */
public class ServiceClients {

	private final ObjectProvider<RestClient.Builder> builders;

	private final ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer;

	private final ObjectProvider<OAuth2AuthorizedClientManager> authorizedClients;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final CircuitBreakerRegistry circuitBreakers;

	private final ClientProperties properties;

	ServiceClients(ObjectProvider<RestClient.Builder> builders,
			ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
			ObjectProvider<OAuth2AuthorizedClientManager> authorizedClients,
			ObjectProvider<ClientRegistrationRepository> registrations, CircuitBreakerRegistry circuitBreakers,
			ClientProperties properties) {
		this.builders = builders;
		this.loadBalancer = loadBalancer;
		this.authorizedClients = authorizedClients;
		this.registrations = registrations;
		this.circuitBreakers = circuitBreakers;
		this.properties = properties;
	}

	/** Calls {@code service} on behalf of the current caller: their bearer token is relayed. */
	public RestClient relayingCallerToken(String service) {
		return relayingCallerToken(service, service);
	}

	/**
	 * Calls {@code service} on behalf of the current caller, counting its failures in the circuit
	 * breaker {@code circuitBreaker}: for one service that stands for several others behind it (the
	 * gateway, for agencies' services), so that one of them failing does not cut off the rest.
	 */
	public RestClient relayingCallerToken(String service, String circuitBreaker) {
		return builder(service, circuitBreaker).requestInterceptor((request, body, execution) -> {
			String token = callerToken();
			if (token != null) {
				request.getHeaders().setBearerAuth(token);
			}
			return execution.execute(request, body);
		}).build();
	}

	/** Calls {@code service} as this service (client credentials of registration {@code bawaba.client.registration-id}). */
	public RestClient withServiceCredentials(String service) {
		OAuth2AuthorizedClientManager manager = authorizedClients.getIfAvailable();
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		ClientRegistration registration = repository == null ? null
				: repository.findByRegistrationId(properties.registrationId());
		if (manager == null || registration == null || registration.getClientSecret() == null
				|| registration.getClientSecret().isBlank()) {
			throw new IllegalStateException("Set BAWABA_CLIENT_SECRET, this service's Keycloak client secret (registration "
					+ "spring.security.oauth2.client.registration." + properties.registrationId()
					+ "), to call other services as this service");
		}
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver(request -> properties.registrationId());
		return builder(service).requestInterceptor(interceptor).build();
	}

	CircuitBreakerRegistry circuitBreakers() {
		return circuitBreakers;
	}

	private RestClient.Builder builder(String service) {
		return builder(service, service);
	}

	private RestClient.Builder builder(String service, String circuitBreaker) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		requestFactory.setReadTimeout(properties.readTimeout());
		RestClient.Builder builder = builders.getIfAvailable(RestClient::builder)
			.clone()
			.baseUrl("http://" + service)
			.requestFactory(requestFactory)
			.requestInterceptor(correlationId())
			.requestInterceptor(new ResilienceInterceptor(circuitBreakers.circuitBreaker(circuitBreaker), properties));
		if (loadBalancer.getIfAvailable() != null) {
			builder.requestInterceptor(new DeferringLoadBalancerInterceptor(loadBalancer));
		}
		return builder;
	}

	private static ClientHttpRequestInterceptor correlationId() {
		return (request, body, execution) -> {
			CorrelationId.current().ifPresent(id -> request.getHeaders().set(CorrelationId.HEADER, id));
			return execution.execute(request, body);
		};
	}

	private static @Nullable String callerToken() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getTokenValue() : null;
	}


}
