package org.bawaba.gateway.hardening;

import org.bawaba.gateway.problem.ProblemMessages;
import org.bawaba.gateway.problem.ProblemResponses;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The front door's protections: request limits and malformed requests answered as problems
 * (before reactor-netty and Spring), request headers by allow-list, no actuator endpoint routed,
 * unreadable media types refused, body size limits, security headers and CORS.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HardeningProperties.class)
public class HardeningConfiguration {

	@Bean
	IncomingHeaders incomingHeaders(HardeningProperties properties) {
		return new IncomingHeaders(properties);
	}

	@Bean
	ForwardedHeaders forwardedHeaders(HardeningProperties properties) {
		return new ForwardedHeaders(properties);
	}

	@Bean
	SecurityHeaders securityHeaders(HardeningProperties properties) {
		return new SecurityHeaders(properties);
	}

	@Bean
	ActuatorPaths actuatorPaths(ProblemResponses problems) {
		return new ActuatorPaths(problems);
	}

	@Bean
	MediaTypeHeaders mediaTypeHeaders(ProblemResponses problems) {
		return new MediaTypeHeaders(problems);
	}

	@Bean
	CrossOrigin crossOrigin(CorsConfigurationSource corsConfigurationSource, ProblemResponses problems) {
		return new CrossOrigin(corsConfigurationSource, problems);
	}

	@Bean
	BodySizeLimit bodySizeLimit(HardeningProperties properties, ProblemResponses problems) {
		return new BodySizeLimit(properties, problems);
	}

	/** What Spring Security's firewall refuses, as problems (picked up by its filter chain proxy). */
	@Bean
	ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
		return new RejectedRequests(problems);
	}

	/** A {@link RequestGuard} of its own in every connection, right after the HTTP decoder. */
	@Bean
	NettyServerCustomizer requestGuard(HardeningProperties properties, JsonMapper json) {
		ProblemMessages messages = new ProblemMessages();
		long maxUri = properties.maxUriLength().toBytes();
		long maxHeaders = properties.maxHeaderSize().toBytes();
		return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, RequestGuard.NAME,
							new RequestGuard(maxUri, maxHeaders, messages, json));
			}
		});
	}

	/**
	 * Cross-origin requests are allowed only from {@code bawaba.hardening.cors.allowed-origins};
	 * from any other origin (all of them, when none is configured) they are refused with 403.
	 */
	@Bean
	public CorsConfigurationSource corsConfigurationSource(HardeningProperties properties) {
		HardeningProperties.Cors cors = properties.cors();
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setAllowCredentials(true);
		configuration.setMaxAge(cors.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
