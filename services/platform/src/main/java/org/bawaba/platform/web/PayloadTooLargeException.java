package org.bawaba.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds {@code bawaba.web.max-body-size}. */
public class PayloadTooLargeException extends IOException {

	private final long limit;

	PayloadTooLargeException(long limit) {
		super("Request body larger than " + limit + " bytes");
		this.limit = limit;
	}

	public long limit() {
		return limit;
	}

}
