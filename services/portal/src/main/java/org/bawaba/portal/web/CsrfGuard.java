package org.bawaba.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection for the portal's forms (double-submit cookie). The gateway
 * keeps the browser's CSRF token in its {@code XSRF-TOKEN} cookie and passes it here in
 * {@link #HEADER} (a header it strips from anything arriving from outside); every form the portal
 * renders carries it in {@link #PARAMETER}, and a state-changing request whose two values differ
 * is refused. A forged cross-site form cannot read the cookie, so it cannot send the value.
 */
public class CsrfGuard extends OncePerRequestFilter {

	/** Set by the gateway, from the browser's CSRF cookie. */
	public static final String HEADER = "X-Bawaba-Csrf";

	/** The hidden field of every form. */
	public static final String PARAMETER = "_csrf";

	/** Where pages find the token to put in their forms. */
	public static final String ATTRIBUTE = CsrfGuard.class.getName() + ".token";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String expected = request.getHeader(HEADER);
		if (expected != null) {
			request.setAttribute(ATTRIBUTE, expected);
		}
		if (!SAFE.contains(request.getMethod()) && !matches(expected, request.getParameter(PARAMETER))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "csrf");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean matches(String expected, String given) {
		return expected != null && !expected.isBlank() && given != null
				&& MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

}
