package org.bawaba.opendata.web;

import java.util.Optional;

import org.bawaba.platform.security.Caller;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller on public endpoints, where a token is optional (the platform's {@code Caller} parameter demands one). */
public final class Callers {

	private Callers() {
	}

	public static Optional<Caller> current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			return Optional.of(Caller.from(token.getToken()));
		}
		return Optional.empty();
	}

	/** Whether the caller may see and edit what {@code organization} owns: its staff, or a platform admin. */
	public static boolean mayEdit(Optional<Caller> caller, String organization) {
		return caller.map(c -> c.isPlatformAdmin()
				|| (c.isAgencyStaff() && organization.equals(c.agency()))).orElse(false);
	}

}
