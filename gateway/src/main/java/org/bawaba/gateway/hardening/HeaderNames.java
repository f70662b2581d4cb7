package org.bawaba.gateway.hardening;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of header names, case-insensitive; a name ending in {@code *} stands for every name that
 * starts with what comes before it ({@code accept-*}).
 */
final class HeaderNames {

	private final Set<String> names;

	private final List<String> prefixes;

	HeaderNames(Collection<String> patterns) {
		this.names = patterns.stream()
			.map(HeaderNames::lower)
			.filter(name -> !name.isEmpty() && !name.endsWith("*"))
			.collect(Collectors.toUnmodifiableSet());
		this.prefixes = patterns.stream()
			.map(HeaderNames::lower)
			.filter(name -> name.length() > 1 && name.endsWith("*"))
			.map(name -> name.substring(0, name.length() - 1))
			.toList();
	}

	boolean contains(String name) {
		String lower = lower(name);
		if (this.names.contains(lower)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String lower(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

}
