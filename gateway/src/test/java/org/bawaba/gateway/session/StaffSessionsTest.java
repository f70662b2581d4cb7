package org.bawaba.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

/** Staff sessions are short and end after their maximum however busy; citizens' are left alone. */
class StaffSessionsTest {

	static final Instant SIGN_IN = Instant.parse("2026-12-07T08:00:00Z");

	static String accessToken(String... roles) {
		String claims = JsonMapper.builder().build()
			.writeValueAsString(Map.of("sub", "s", "realm_access", Map.of("roles", List.of(roles))));
		return "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
				+ ".c2ln";
	}

	static MockServerWebExchange browser(WebSession session) {
		return MockServerWebExchange.builder(MockServerHttpRequest.get("/en/staff").cookie(
				new org.springframework.http.HttpCookie("SESSION", session.getId()))).session(session).build();
	}

	static WebSession session() {
		return new InMemoryWebSessionStore().createWebSession().block();
	}

	@Test
	void staffAndAdminsAreStaffCitizensAndSuppliersAreNot() {
		assertThat(StaffSessions.isStaff(accessToken("agency-staff", "second-factor"))).isTrue();
		assertThat(StaffSessions.isStaff(accessToken("platform-admin"))).isTrue();
		assertThat(StaffSessions.isStaff(accessToken("citizen"))).isFalse();
		assertThat(StaffSessions.isStaff(accessToken("supplier"))).isFalse();
		assertThat(StaffSessions.isStaff("not-a-jwt")).isFalse();
	}

	@Test
	void aStaffSignInShortensTheSessionAndLeavesAHintACitizensChangesNothing() {
		StaffSessions staff = new StaffSessions(Duration.ofMinutes(15), Duration.ofHours(8),
				Clock.fixed(SIGN_IN, ZoneOffset.UTC));
		WebSession staffSession = session();
		MockServerWebExchange staffExchange = browser(staffSession);
		staff.signedIn(staffExchange, accessToken("agency-staff")).block();
		assertThat(staffSession.getMaxIdleTime()).isEqualTo(Duration.ofMinutes(15));
		assertThat(staffExchange.getResponse().getCookies().getFirst("BAWABA_STAFF")).isNotNull()
			.satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue());

		WebSession citizenSession = session();
		Duration before = citizenSession.getMaxIdleTime();
		MockServerWebExchange citizenExchange = browser(citizenSession);
		staff.signedIn(citizenExchange, accessToken("citizen")).block();
		assertThat(citizenSession.getMaxIdleTime()).isEqualTo(before);
		assertThat(citizenExchange.getResponse().getCookies()).doesNotContainKey("BAWABA_STAFF");
	}

	@Test
	void aStaffSessionEndsAfterItsMaximumHoweverBusy() {
		WebSession session = session();
		new StaffSessions(Duration.ofMinutes(15), Duration.ofHours(8), Clock.fixed(SIGN_IN, ZoneOffset.UTC))
			.signedIn(browser(session), accessToken("agency-admin")).block();
		session.start();

		new StaffSessions(Duration.ofMinutes(15), Duration.ofHours(8),
				Clock.fixed(SIGN_IN.plus(Duration.ofHours(7)), ZoneOffset.UTC))
			.filter(browser(session), exchange -> Mono.empty()).block();
		assertThat(session.isExpired()).isFalse();
		assertThat(session.getAttributes()).containsKey(StaffSessions.SIGNED_IN_AT);

		new StaffSessions(Duration.ofMinutes(15), Duration.ofHours(8),
				Clock.fixed(SIGN_IN.plus(Duration.ofHours(8)).plusSeconds(1), ZoneOffset.UTC))
			.filter(browser(session), exchange -> Mono.empty()).block();
		assertThat(session.getAttributes()).doesNotContainKey(StaffSessions.SIGNED_IN_AT);
	}

}
