package org.bawaba.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.bawaba.platform.problem.ProblemAutoConfiguration;
import org.bawaba.platform.problem.ProblemWriter;
import org.bawaba.platform.problem.Problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server of the Keycloak realm: stateless, bearer tokens only,
 * realm roles as authorities, {@link Caller} parameters, 401/403 as problem+json, method security on.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class },
		after = ProblemAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

	/**
	 * Signing keys from the JWKS endpoint, fetched on first use and kept (a new key id triggers a refetch),
	 * so the service starts while Keycloak is down and issued tokens keep working while it restarts.
	 */
	@Bean
	@ConditionalOnMissingBean
	JwtDecoder bawabaJwtDecoder(PlatformSecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
			.cache(new ConcurrentMapCache("bawaba-jwks"))
			.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
		if (properties.audience() != null && !properties.audience().isBlank()) {
			validators.add(new JwtClaimValidator<List<String>>("aud",
					aud -> aud != null && aud.contains(properties.audience())));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain bawabaSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
			Problems problems, ProblemWriter writer) throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, writer);
		Converter<Jwt, AbstractAuthenticationToken> converter = new KeycloakJwtConverter();
		List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
				"/actuator/prometheus", "/error"));
		open.addAll(properties.publicPaths());
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(authorize -> authorize.requestMatchers(open.toArray(String[]::new))
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers));
		return http.build();
	}

	@Bean
	WebMvcConfigurer bawabaCallerResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

}
