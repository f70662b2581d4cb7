package org.bawaba.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * Every problem the gateway answers itself. The {@code slug} names the {@code type}
 * ({@code https://bawaba.org/problems/<slug>}, the same types as the services' where they share a
 * meaning) and the title ({@code problem.<slug>.title}); the detail is {@code problem.<detail>.detail},
 * in Arabic or English ({@code messages*.properties} beside this class).
 */
public enum ProblemType {

	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request"),

	/** Rejected by Spring Security's firewall: {@code ..}, {@code //}, encoded slashes and the like. */
	INVALID_PATH(HttpStatus.BAD_REQUEST, "bad-request", "invalid-path"),

	/** Not valid HTTP: refused by the HTTP decoder, or an address or host that cannot be parsed. */
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "malformed-request"),

	INVALID_ACCEPT(HttpStatus.BAD_REQUEST, "bad-request", "invalid-accept"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized"),

	INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "unauthorized", "invalid-token"),

	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),

	CROSS_ORIGIN(HttpStatus.FORBIDDEN, "forbidden", "cross-origin"),

	/** A browser's state change without the CSRF token of its session. */
	CSRF_TOKEN(HttpStatus.FORBIDDEN, "forbidden", "csrf-token"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),

	/** {0}: the method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),

	/** {0}: the limit in bytes. */
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),

	/** A streamed body that grew past the limit. */
	BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "body-too-large"),

	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),

	/** A {@code Content-Type} header that is not a media type, or names an unknown charset. */
	INVALID_CONTENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "invalid-content-type"),

	/** {0}: the service; {1}: seconds until the next try. */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"),

	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large"),

	/** Any other 4xx; the status is the one given when writing. */
	CLIENT_ERROR(HttpStatus.BAD_REQUEST, "client-error"),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"),

	BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway"),

	/** {0}: the service. */
	SERVICE_FAILED(HttpStatus.BAD_GATEWAY, "bad-gateway", "service-failed"),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"),

	/** {0}: the service. */
	SERVICE_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "service-down"),

	/** The sign-on's keys cannot be fetched, so a bearer token cannot be checked. */
	SIGN_ON_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "sign-on-unavailable"),

	/** Redis, where browser sessions live, cannot be reached, so a browser's session cannot be read. */
	SESSIONS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "sessions-unavailable"),

	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout"),

	/** {0}: the service. */
	SERVICE_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "service-timeout");

	private final HttpStatus status;

	private final String slug;

	private final String detail;

	ProblemType(HttpStatus status, String slug) {
		this(status, slug, slug);
	}

	ProblemType(HttpStatus status, String slug, String detail) {
		this.status = status;
		this.slug = slug;
		this.detail = detail;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The last part of the {@code type} URI, and the key of the title. */
	public String slug() {
		return this.slug;
	}

	String titleKey() {
		return "problem." + this.slug + ".title";
	}

	String detailKey() {
		return "problem." + this.detail + ".detail";
	}

}
