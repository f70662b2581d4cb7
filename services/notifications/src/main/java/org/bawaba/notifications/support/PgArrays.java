package org.bawaba.notifications.support;

import java.util.Collection;
import java.util.stream.Collectors;

/** A PostgreSQL array literal to bind as {@code ?::text[]}. */
public final class PgArrays {

	private PgArrays() {
	}

	public static String text(Collection<String> values) {
		return values.stream()
			.map(value -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

}
