package org.bawaba.gateway.security;

import org.bawaba.gateway.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Bearer tokens from the Keycloak realm {@code bawaba}, validated against its issuer and JWKS
 * ({@code spring.security.oauth2.resourceserver.jwt.*}).
 * <ul>
 * <li>{@code /api/me} needs a valid token.</li>
 * <li>Routed {@code /api/<service>/**} requests may be anonymous: each service enforces its own
 * rules on the relayed {@code Authorization} header. A request that carries a token the gateway
 * cannot validate is refused with 401 before it is routed.</li>
 * <li>Health and info are public; everything else is left to routing (unknown paths give 404).</li>
 * </ul>
 * Stateless: no session, no CSRF token (there are no cookies to protect until browser sign-in is
 * added), no form or basic login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems,
			CorsConfigurationSource cors) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
		jwtConverter.setJwtGrantedAuthoritiesConverter(new RealmRoles());
		return http
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.pathMatchers("/api/me").authenticated()
				.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.cors(spec -> spec.configurationSource(cors))
			// written by org.bawaba.gateway.hardening.SecurityHeaders, so that services' answers get them too
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.disable())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

}
