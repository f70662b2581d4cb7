package org.bawaba.gateway.session;

import java.net.URI;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * A browser's sign-in ({@code /oauth2/authorization/keycloak?lang=ar&return=/ar/services}) in the
 * person's language and back to where they were: {@code lang} becomes Keycloak's
 * {@code ui_locales} (its sign-in page follows it), and {@code return}, a path on this site only,
 * is kept in the session and is where the browser goes once signed in ({@code /} without one).
 */
public final class SignInRequests implements ServerOAuth2AuthorizationRequestResolver, ServerAuthenticationSuccessHandler {

	static final String RETURN_ATTRIBUTE = SignInRequests.class.getName() + ".return";

	/** Where a browser starts signing in: Spring Security's authorization request redirect. */
	private static final String SIGN_IN_PATH = "/oauth2/authorization/";

	private static final Set<String> LANGUAGES = Set.of("ar", "en");

	private final DefaultServerOAuth2AuthorizationRequestResolver delegate;

	private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final StaffSessions staff;

	private final SignOnProbe signOn;

	private final ReactiveRedisConnectionFactory sessions;

	/**
	 * {@code signOnAddress}: where the gateway itself reaches Keycloak (the realm's keys), to ask it is up;
	 * {@code sessions}: the Redis that keeps browser sessions, where a sign-in keeps its state until it returns.
	 */
	public SignInRequests(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, StaffSessions staff, String signOnAddress,
			ReactiveRedisConnectionFactory sessions) {
		this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
		this.authorizedClients = authorizedClients;
		this.staff = staff;
		this.signOn = new SignOnProbe(signOnAddress);
		this.sessions = sessions;
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		return ready(exchange).then(remember(exchange)).then(this.delegate.resolve(exchange))
			.map(request -> localized(request, exchange));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		return ready(exchange).then(remember(exchange)).then(this.delegate.resolve(exchange, clientRegistrationId))
			.map(request -> localized(request, exchange));
	}

	/**
	 * A browser is sent to sign in only when it can come back signed in: Keycloak takes connections, and Redis, where
	 * the sign-in's state waits in the session, answers. Otherwise, before anything is put in a session (which would
	 * be saved as the answer is sent, and fail it with a bare 500), the gateway's 503 page in the person's language
	 * says which is unavailable (the problem handler: the sign-on, or sessions).
	 */
	private Mono<Void> ready(ServerWebExchange exchange) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(SIGN_IN_PATH)) {
			return Mono.empty();
		}
		return this.signOn.up()
			.flatMap(up -> up ? Mono.usingWhen(Mono.fromSupplier(this.sessions::getReactiveConnection),
					connection -> connection.ping(), ReactiveRedisConnection::closeLater).then()
					: Mono.error(new AuthenticationServiceException("the sign-on does not take connections")));
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		Mono<Void> staffSession = authentication instanceof OAuth2AuthenticationToken signedIn
				? this.authorizedClients
					.<OAuth2AuthorizedClient>loadAuthorizedClient(signedIn.getAuthorizedClientRegistrationId(), signedIn,
							exchange)
					.flatMap(client -> this.staff.signedIn(exchange, client.getAccessToken().getTokenValue()))
				: Mono.empty();
		return staffSession.then(exchange.getSession())
			.map(session -> {
				Object target = session.getAttributes().remove(RETURN_ATTRIBUTE);
				return target instanceof String path ? path : "/";
			})
			.defaultIfEmpty("/")
			.flatMap(path -> this.redirects.sendRedirect(exchange, URI.create(path)));
	}

	private Mono<Void> remember(ServerWebExchange exchange) {
		String target = exchange.getRequest().getQueryParams().getFirst("return");
		if (!isLocalPath(target)) {
			return Mono.empty();
		}
		return exchange.getSession().doOnNext(session -> session.getAttributes().put(RETURN_ATTRIBUTE, target)).then();
	}

	/**
	 * In the page's language ({@code ui_locales}); and for a browser that signed staff in before, a fresh
	 * sign-in ({@code prompt=login}): staff sessions are short, and Keycloak's own session must not renew them.
	 */
	private static OAuth2AuthorizationRequest localized(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
		String lang = exchange.getRequest().getQueryParams().getFirst("lang");
		boolean language = lang != null && LANGUAGES.contains(lang);
		boolean fresh = StaffSessions.hinted(exchange);
		if (!language && !fresh) {
			return request;
		}
		return OAuth2AuthorizationRequest.from(request).additionalParameters(parameters -> {
			if (language) {
				parameters.put("ui_locales", lang);
			}
			if (fresh) {
				parameters.put("prompt", "login");
			}
		}).build();
	}

	/** A path on this site: one slash, no scheme, host or backslash, so never an open redirect. */
	public static boolean isLocalPath(String target) {
		if (target == null || target.isEmpty() || target.length() > 2000 || !target.startsWith("/")
				|| target.startsWith("//") || target.contains("\\")) {
			return false;
		}
		try {
			URI uri = new URI(target);
			return uri.getScheme() == null && uri.getHost() == null && uri.getRawAuthority() == null;
		}
		catch (Exception invalid) {
			return false;
		}
	}

}
