package org.bawaba.registry.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A registration ({@code POST /eureka/apps/<app>}) names its application and metadata in its body, and
 * Eureka files the instance under the body's name: so the body must name the caller's own application
 * too, and its {@code agency} metadata must be the caller's agency (an agency's service) or none (a
 * platform service). Otherwise 403, and nothing is registered. It runs after Spring Security (which decided
 * who the caller is) and before Eureka's own filters (its version filter forwards the request). Only JSON bodies are taken (what Spring
 * Cloud's Eureka client sends), up to 64 KiB.
 */
@Component
@Order(-1)
class RegistrationCheck extends OncePerRequestFilter {

	private static final int MAX_BODY = 64 * 1024;

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().matches("/eureka/apps/[^/]+/?");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = Objects.toString(request.getContentType(), "");
		if (!type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)) {
			response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "registrations are JSON");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		String app = request.getRequestURI().replaceAll("^/eureka/apps/([^/]+)/?$", "$1");
		JsonNode instance;
		try {
			instance = json.readTree(body).path("instance");
		}
		catch (JacksonException ex) {
			response.sendError(HttpStatus.BAD_REQUEST.value(), "not JSON");
			return;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (!(caller != null && caller.getDetails() instanceof RegistryClient client) || !allowed(client, app, instance)) {
			response.sendError(HttpStatus.FORBIDDEN.value(), "an instance of another application or agency");
			return;
		}
		chain.doFilter(new ReadAgain(request, body), response);
	}

	static boolean allowed(RegistryClient client, String app, JsonNode instance) {
		String named = instance.path("app").asString("");
		String agency = instance.path("metadata").path("agency").asString("");
		boolean ownName = named.equalsIgnoreCase(app) && named.equalsIgnoreCase(client.clientId());
		boolean ownAgency = client.roles().contains(RegistryClient.AGENCY_SERVICE)
				? client.agency() != null && client.agency().equalsIgnoreCase(agency)
				: agency.isBlank();
		return ownName && ownAgency;
	}

	/** The request with its body, already read, to read again. */
	private static final class ReadAgain extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadAgain(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
