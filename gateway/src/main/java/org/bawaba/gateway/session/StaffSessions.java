package org.bawaba.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Staff and admins (who decide applications, open bids, onboard agencies) have shorter browser sessions
 * than citizens: {@code bawaba.session.staff-idle} without a request ends it (citizens: the session timeout),
 * and {@code bawaba.session.staff-max} after signing in ends it however busy it is. A browser that signed a
 * staff member in keeps a hint cookie, so that its next sign-in asks Keycloak for a fresh one
 * ({@code prompt=login}: password and one-time code again, even within Keycloak's own session).
 */
@Component
public class StaffSessions implements WebFilter, Ordered {

	/** A hint only: without it a staff session still ends; with it a citizen is merely asked to sign in again. */
	static final String HINT_COOKIE = "BAWABA_STAFF";

	static final String SIGNED_IN_AT = StaffSessions.class.getName() + ".signedInAt";

	private static final Set<String> STAFF_ROLES = Set.of("agency-staff", "agency-admin", "platform-admin");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Duration idle;

	private final Duration max;

	private final Clock clock;

	@Autowired
	StaffSessions(@Value("${bawaba.session.staff-idle:15m}") Duration idle,
			@Value("${bawaba.session.staff-max:8h}") Duration max) {
		this(idle, max, Clock.systemUTC());
	}

	StaffSessions(Duration idle, Duration max, Clock clock) {
		this.idle = idle;
		this.max = max;
		this.clock = clock;
	}

	/** Whether the person the access token was issued to has a staff or admin role. */
	static boolean isStaff(String accessToken) {
		String[] parts = accessToken.split("\\.");
		if (parts.length < 2) {
			return false;
		}
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		List<String> roles = new ArrayList<>();
		claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
		return roles.stream().anyMatch(STAFF_ROLES::contains);
	}

	/** After a staff member signed in: the shorter session, and the hint for the next sign-in. */
	Mono<Void> signedIn(ServerWebExchange exchange, String accessToken) {
		if (!isStaff(accessToken)) {
			return Mono.empty();
		}
		exchange.getResponse()
			.addCookie(ResponseCookie.from(HINT_COOKIE, "1").path("/").httpOnly(true).sameSite("Lax")
				.maxAge(Duration.ofDays(30)).build());
		return exchange.getSession().doOnNext(session -> {
			session.setMaxIdleTime(idle);
			session.getAttributes().put(SIGNED_IN_AT, clock.instant().toString());
		}).then();
	}

	/** Whether this browser signed staff in before (its next sign-in asks for the password again). */
	static boolean hinted(ServerWebExchange exchange) {
		return exchange.getRequest().getCookies().containsKey(HINT_COOKIE);
	}

	/** Ends a staff session older than {@code staff-max} before anything reads it (browsers only). */
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean browser = exchange.getRequest().getCookies().containsKey(CsrfCookie.SESSION_COOKIE)
				&& !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		if (!browser) {
			return chain.filter(exchange);
		}
		return exchange.getSession().flatMap(this::endIfTooOld).then(chain.filter(exchange));
	}

	private Mono<Void> endIfTooOld(WebSession session) {
		Object signedIn = session.getAttributes().get(SIGNED_IN_AT);
		if (signedIn instanceof String at && Instant.parse(at).plus(max).isBefore(clock.instant())) {
			return session.invalidate();
		}
		return Mono.empty();
	}

	@Override
	public int getOrder() {
		// before Spring Security reads the session's security context
		return -200;
	}

}
