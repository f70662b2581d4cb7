package org.bawaba.gateway.hardening;

import org.bawaba.gateway.problem.ProblemResponses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The front door's protections: body size limits, stripped headers, security headers and CORS
 * (applied by Spring Security's CORS filter, see {@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HardeningProperties.class)
public class HardeningConfiguration {

	@Bean
	SpoofableHeaders spoofableHeaders(HardeningProperties properties) {
		return new SpoofableHeaders(properties);
	}

	@Bean
	SecurityHeaders securityHeaders(HardeningProperties properties) {
		return new SecurityHeaders(properties);
	}

	@Bean
	BodySizeLimit bodySizeLimit(HardeningProperties properties, ProblemResponses problems) {
		return new BodySizeLimit(properties, problems);
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
