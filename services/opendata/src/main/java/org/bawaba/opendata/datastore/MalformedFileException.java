package org.bawaba.opendata.datastore;

/**
 * A file that cannot be loaded, and where: answered as 400 problem+json {@code malformed-file} with
 * {@code line} (1-based, physical line of the file; for JSON the parser's line) and {@code reason} (the
 * message {@code reason.<code>} in the caller's language; {@code reasons} holds both languages).
 */
class MalformedFileException extends RuntimeException {

	private final long line;

	private final String code;

	private final transient Object[] args;

	MalformedFileException(long line, String code, Object... args) {
		super("line " + line + ": " + code);
		this.line = line;
		this.code = code;
		this.args = args.clone();
	}

	long line() {
		return line;
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args.clone();
	}

}
