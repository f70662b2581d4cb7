package org.bawaba.gateway.security;

import java.util.List;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.routing.PortalRoute;
import org.bawaba.gateway.session.CsrfCookie;
import org.bawaba.gateway.session.PublicUrl;
import org.bawaba.gateway.session.SignInRequests;
import org.bawaba.gateway.session.StaffSessions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, for API clients with bearer tokens from the Keycloak realm {@code bawaba}
 * (validated against its issuer and JWKS, {@code spring.security.oauth2.resourceserver.jwt.*})
 * and for browsers signed in at the gateway (OAuth2 login, sessions in Redis).
 * <ul>
 * <li>{@code /api/me} needs a valid token or a signed-in session.</li>
 * <li>Routed {@code /api/<service>/**} requests may be anonymous: each service enforces its own
 * rules on the relayed {@code Authorization} header (a session's access token, relayed by the
 * {@code TokenRelay} filter). A request that carries a token the gateway cannot validate is
 * refused with 401 before it is routed.</li>
 * <li>Browsers sign in at {@code /oauth2/authorization/keycloak} and out with {@code POST /logout},
 * which also ends the Keycloak session.</li>
 * <li>Health and info are public; everything else is left to routing (unknown paths give 404).</li>
 * </ul>
 * An API request with a bearer token is stateless: its security context is neither loaded from
 * nor saved in a web session ({@link BrowserSecurityContextRepository}), so it never creates,
 * reads or touches a session in Redis.
 * <p>
 * An unauthenticated request gets 401 as a problem, never a redirect to a login page. CSRF
 * protection applies to requests that carry a session cookie and no bearer token, the only ones a
 * forged cross-site form could ride on; the token comes in the {@code XSRF-TOKEN} cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems,
			ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
			PublicUrl publicUrl, StaffSessions staffSessions,
			@Value("${bawaba.security.csrf-exempt-paths:}") List<String> csrfExemptPaths,
			@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String signOnKeys,
			ReactiveRedisConnectionFactory sessions) {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
		JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
		jwtConverter.setJwtGrantedAuthoritiesConverter(new RealmRoles());
		ServerSecurityContextRepository contexts = new BrowserSecurityContextRepository();
		SignInRequests signIn = new SignInRequests(registrations, authorizedClients, staffSessions, signOnKeys, sessions);
		List<PathPattern> csrfExempt = exempt(csrfExemptPaths);
		return http
			.securityContextRepository(contexts)
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.pathMatchers("/api/me").authenticated()
				.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
				.authenticationEntryPoint(handlers)
				.authenticationFailureHandler(handlers)
				.accessDeniedHandler(handlers))
			.oauth2Login(login -> login
				.authorizationRequestResolver(signIn)
				.authenticationSuccessHandler(signIn)
				.securityContextRepository(contexts)
				.clientRegistrationRepository(registrations)
				.authorizedClientRepository(authorizedClients))
			.logout(logout -> logout
				.logoutUrl("/logout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(endKeycloakSession(registrations, publicUrl)))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.csrf(csrf -> csrf
				.accessDeniedHandler(handlers)
				.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(exchange -> browserStateChange(exchange, csrfExempt)))
			// org.bawaba.gateway.hardening.CrossOrigin, which answers a refusal with a problem
			.cors(ServerHttpSecurity.CorsSpec::disable)
			// written by org.bawaba.gateway.hardening.SecurityHeaders, so that services' answers get them too
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.requestCache(cache -> cache.disable())
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

	/**
	 * Signing out ends the Keycloak session too; Keycloak then sends the browser to the public URL's
	 * home page (never to the host the request named).
	 */
	static OidcClientInitiatedServerLogoutSuccessHandler endKeycloakSession(
			ReactiveClientRegistrationRepository registrations, PublicUrl publicUrl) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		handler.setPostLogoutRedirectUri(publicUrl.base() + "/");
		return handler;
	}

	/**
	 * No observations around each of Spring Security's filters: with them, every filter of the chain
	 * is wrapped and observed twice per request (about 5 % of the gateway's CPU under load), and
	 * nothing exports them. Requests as a whole are still timed ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * An unsafe method sent with the session cookie and without a bearer token, to the API or to
	 * sign out. The portal's pages check their forms' token themselves ({@link PortalRoute}).
	 */
	private static Mono<ServerWebExchangeMatcher.MatchResult> browserStateChange(ServerWebExchange exchange,
			List<PathPattern> exempt) {
		var request = exchange.getRequest();
		boolean unsafe = switch (request.getMethod().name()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> true;
		};
		boolean browser = request.getCookies().containsKey(CsrfCookie.SESSION_COOKIE)
				&& !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		boolean portal = PortalRoute.isPortal(request.getPath().value());
		boolean exempted = exempt.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
		return (unsafe && browser && !portal && !exempted) ? ServerWebExchangeMatcher.MatchResult.match()
				: ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	/** {@code bawaba.security.csrf-exempt-paths}: forms of third parties' pages served through the gateway. */
	private static List<PathPattern> exempt(List<String> patterns) {
		return patterns.stream().filter(pattern -> !pattern.isBlank()).map(PathPatternParser.defaultInstance::parse).toList();
	}

}
