package org.bawaba.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a browser signs in: the gateway's OAuth2 login, told the language (Keycloak's page follows
 * it) and the page to come back to.
 */
public final class SignIn {

	/** The gateway's sign-in endpoint for the realm's browser client. */
	public static final String PATH = "/oauth2/authorization/keycloak";

	private SignIn() {
	}

	public static String url(Lang lang, String returnTo) {
		return PATH + "?lang=" + lang.code() + "&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
	}

	/** Signing in from this request's page (a GET) brings the person back to it. */
	public static String url(HttpServletRequest request) {
		String returnTo = request.getRequestURI();
		if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
			returnTo += "?" + request.getQueryString();
		}
		return url(Lang.of(request), returnTo);
	}

}
