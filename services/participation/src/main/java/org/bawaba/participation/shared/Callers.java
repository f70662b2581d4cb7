package org.bawaba.participation.shared;

import java.util.Optional;

import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller on public endpoints (the platform's {@code Caller} parameter demands a token), and common rules. */
public final class Callers {

	private Callers() {
	}

	public static Optional<Caller> current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			return Optional.of(Caller.from(token.getToken()));
		}
		return Optional.empty();
	}

	/** The agency of a staff member (or admin); 403 for anyone else. */
	public static String staffAgency(Caller caller) {
		if (!caller.isAgencyStaff() || caller.agency() == null || caller.agency().isBlank()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-staff-only");
		}
		return caller.agency();
	}

	/** Passes for citizens; 403 for anyone else. */
	public static void requireCitizen(Caller caller) {
		if (!caller.hasRole(Roles.CITIZEN)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-citizens-only");
		}
	}

	/** Whether the caller is staff of {@code agency}. */
	public static boolean isStaffOf(Caller caller, String agency) {
		return caller.isAgencyStaff() && agency.equals(caller.agency());
	}

}
