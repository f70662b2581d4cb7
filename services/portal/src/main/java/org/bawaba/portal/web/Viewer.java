package org.bawaba.portal.web;

import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person looking at a page, from the access token the gateway relayed; absent when nobody is
 * signed in.
 *
 * @param caller who they are (roles, agency)
 * @param name the name to greet them with
 */
public record Viewer(Caller caller, String name) {

	public static @Nullable Viewer current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String name = token.getToken().getClaimAsString("name");
			Caller caller = Caller.from(token.getToken());
			return new Viewer(caller, name != null && !name.isBlank() ? name
					: caller.username() != null ? caller.username() : caller.subject());
		}
		return null;
	}

	/** The current viewer, or {@link SignInRequired} so that the browser is sent to sign in. */
	public static Viewer required() {
		Viewer viewer = current();
		if (viewer == null) {
			throw new SignInRequired();
		}
		return viewer;
	}

	public boolean citizen() {
		return caller.hasRole(Roles.CITIZEN);
	}

	public boolean staff() {
		return caller.isAgencyStaff();
	}

	public boolean supplier() {
		return caller.hasRole(Roles.SUPPLIER);
	}

	public @Nullable String agency() {
		return caller.agency();
	}

}
