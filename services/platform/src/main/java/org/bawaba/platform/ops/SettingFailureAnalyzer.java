package org.bawaba.platform.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.util.PlaceholderResolutionException;

/**
 * A start that fails on a setting ends with one clear message naming it, instead of a stack trace: an
 * insecure or missing secret ({@link SettingException}), or a setting referenced as {@code ${NAME}}
 * that nobody set (a secret without a default, a database address).
 */
class SettingFailureAnalyzer implements FailureAnalyzer {

	private static final Pattern PLACEHOLDER = Pattern.compile("Could not resolve placeholder '([^']+)'");

	private final AbstractFailureAnalyzer<SettingException> settings = new AbstractFailureAnalyzer<>() {
		@Override
		protected FailureAnalysis analyze(Throwable root, SettingException cause) {
			return new FailureAnalysis("Bawaba cannot start: the setting " + cause.setting() + " " + cause.problem() + ".",
					cause.action(), cause);
		}
	};

	private final AbstractFailureAnalyzer<PlaceholderResolutionException> placeholders = new AbstractFailureAnalyzer<>() {
		@Override
		protected @Nullable FailureAnalysis analyze(Throwable root, PlaceholderResolutionException cause) {
			Matcher name = PLACEHOLDER.matcher(String.valueOf(cause.getMessage()));
			if (!name.find()) {
				return null;
			}
			return new FailureAnalysis("Bawaba cannot start: the setting " + name.group(1) + " is not set.",
					"Set " + name.group(1) + " in the environment (./bawaba run sets every setting it needs, and generates "
							+ "each secret once per installation under .bawaba/; a cluster takes secrets from its secret store).",
					cause);
		}
	};

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = settings.analyze(failure);
		return analysis != null ? analysis : placeholders.analyze(failure);
	}

}
