package org.bawaba.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * An error a service answers deliberately. The handler turns it into {@code application/problem+json}
 * with {@code type = https://bawaba.org/problems/<slug>} and a title and detail looked up as
 * {@code problem.<slug>.title} / {@code problem.<slug>.detail} (formatted with {@code args}) in the
 * service's {@code messages*.properties} first, then in the platform's.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final transient Object[] args;

	public ProblemException(HttpStatus status, String slug, Object... args) {
		super(slug);
		this.status = status;
		this.slug = slug;
		this.args = args.clone();
	}

	public HttpStatus status() {
		return status;
	}

	public String slug() {
		return slug;
	}

	public Object[] args() {
		return args.clone();
	}

}
