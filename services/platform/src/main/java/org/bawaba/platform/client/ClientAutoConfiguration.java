package org.bawaba.platform.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/** {@link ServiceClients} for calls to other services. */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@EnableConfigurationProperties(ClientProperties.class)
public class ClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceClients bawabaServiceClients(ObjectProvider<RestClient.Builder> builders,
			ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
			ObjectProvider<OAuth2AuthorizedClientManager> authorizedClients,
			ObjectProvider<ClientRegistrationRepository> registrations, ClientProperties properties) {
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(Math.min(10, properties.slidingWindowSize()))
			.waitDurationInOpenState(properties.openStateWait())
			.build());
		return new ServiceClients(builders, loadBalancer, authorizedClients, registrations, circuitBreakers, properties);
	}

	/** Client credentials without an HTTP request around (also from Kafka listeners and schedulers). */
	@Bean
	@ConditionalOnBean(ClientRegistrationRepository.class)
	@ConditionalOnMissingBean(OAuth2AuthorizedClientManager.class)
	OAuth2AuthorizedClientManager bawabaAuthorizedClientManager(ClientRegistrationRepository registrations) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return manager;
	}

}
