package org.bawaba.platform.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.bawaba.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the Keycloak access token. Declare it as a controller method parameter.
 *
 * @param subject the pseudonymous subject ({@code sub}); the only citizen id that may leave the service
 * @param nationalId the national ID ({@code national_id}, citizens only); never put it in events or logs
 * @param roles the realm roles ({@code realm_access.roles})
 * @param agency the agency of staff ({@code agency})
 * @param locale the preferred language ({@code locale}), {@code null} when the token has none
 * @param username {@code preferred_username}
 */
public record Caller(String subject, @Nullable String nationalId, Set<String> roles, @Nullable String agency,
		@Nullable Locale locale, @Nullable String username) {

	public Caller {
		Objects.requireNonNull(subject, "subject");
		roles = Set.copyOf(roles);
	}

	/** Reads a caller from a Keycloak access token. */
	public static Caller from(Jwt jwt) {
		String locale = jwt.getClaimAsString("locale");
		return new Caller(jwt.getSubject(), jwt.getClaimAsString("national_id"), realmRoles(jwt.getClaims()),
				jwt.getClaimAsString("agency"), locale == null || locale.isBlank() ? null : Locale.forLanguageTag(locale),
				jwt.getClaimAsString("preferred_username"));
	}

	static Set<String> realmRoles(Map<String, Object> claims) {
		if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
				&& realmAccess.get("roles") instanceof Collection<?> roles) {
			return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
		}
		return Set.of();
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean isPlatformAdmin() {
		return hasRole(Roles.PLATFORM_ADMIN);
	}

	/** Staff or admin of an agency. */
	public boolean isAgencyStaff() {
		return hasRole(Roles.AGENCY_STAFF) || hasRole(Roles.AGENCY_ADMIN);
	}

	/**
	 * "Own resource only": passes when the resource's owner subject is the caller's (or the caller is a
	 * platform admin), otherwise answers 403 {@code https://bawaba.org/problems/forbidden-not-owner}.
	 */
	public void requireOwner(@Nullable String ownerSubject) {
		if (!isPlatformAdmin() && !subject.equals(ownerSubject)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-not-owner");
		}
	}

	/**
	 * "Own agency only": passes when the caller is staff (or admin) of {@code agency} (or a platform admin),
	 * otherwise answers 403 {@code https://bawaba.org/problems/forbidden-other-agency}.
	 */
	public void requireAgency(@Nullable String agency) {
		if (!isPlatformAdmin() && !(isAgencyStaff() && this.agency != null && this.agency.equals(agency))) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-other-agency");
		}
	}

	/** Passes when the caller has at least one of {@code anyOf}, otherwise 403. */
	public void requireRole(String... anyOf) {
		for (String role : anyOf) {
			if (hasRole(role)) {
				return;
			}
		}
		throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
	}

}
