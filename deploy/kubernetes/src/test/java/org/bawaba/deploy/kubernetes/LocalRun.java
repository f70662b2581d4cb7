package org.bawaba.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local run ({@code deploy/local}) starts and gives each component, read from its own files. */
final class LocalRun {

	static final Path LOCAL = Rendered.ROOT.resolve("deploy/local");

	private static final Map<String, String> OUTPUTS = new ConcurrentHashMap<>();

	private LocalRun() {
	}

	/** A line of {@code services.conf}: a Spring Boot application of the suite. */
	record Component(String name, int port, String module, String database) {

		boolean hasDatabase() {
			return !"-".equals(database);
		}

		/** The database's name in the cluster: the local run's without its prefix ("bawaba_"). */
		String clusterDatabase() {
			return database.replaceFirst("^bawaba_", "");
		}

	}

	static List<Component> components() throws IOException {
		List<Component> components = new ArrayList<>();
		for (String line : Files.readAllLines(LOCAL.resolve("services.conf"))) {
			String[] columns = line.trim().split("\\s+");
			if (line.isBlank() || line.startsWith("#") || columns.length < 4) {
				continue;
			}
			components.add(new Component(columns[0], Integer.parseInt(columns[1]), columns[2], columns[3]));
		}
		return components;
	}

	/**
	 * The names of the environment variables the launcher's {@code platform_env} (where the parts find each
	 * other, and the component's own secrets) gives {@code component}, as the launcher itself prints them
	 * (run with a runtime folder of its own, so that no secret of a real installation is read or made).
	 */
	static Set<String> platformEnvironment(String component) throws IOException {
		return names(launcher("load_apps; platform_env " + component));
	}

	/** The names of the secrets {@code secrets.conf} gives {@code component} ({@code component_secrets}). */
	static Set<String> componentSecrets(String component) throws IOException {
		return names(launcher("component_secrets " + component));
	}

	/** The variables {@code start_app} sets beside {@code platform_env}, from the function's text. */
	static Set<String> startAppVariables() throws IOException {
		Matcher assignment = Pattern.compile("\\b([A-Z][A-Z0-9_]+)=").matcher(launcher("declare -f start_app"));
		Set<String> names = new LinkedHashSet<>();
		while (assignment.find()) {
			names.add(assignment.group(1));
		}
		return names;
	}

	private static Set<String> names(String output) {
		Set<String> names = new LinkedHashSet<>();
		for (String line : output.split("\n")) {
			if (line.contains("=")) {
				names.add(line.substring(0, line.indexOf('=')));
			}
		}
		return names;
	}

	private static String launcher(String commands) throws IOException {
		String output = OUTPUTS.get(commands);
		if (output == null) {
			output = run(commands);
			OUTPUTS.put(commands, output);
		}
		return output;
	}

	private static String run(String commands) throws IOException {
		Path runtime = Files.createTempDirectory("bawaba-runtime");
		// the launcher's functions end with the status of their last test: only the output counts
		ProcessBuilder bash = new ProcessBuilder("bash", "-c", ". deploy/local/launcher.sh || exit 1; " + commands + "; true")
			.directory(Rendered.ROOT.toFile())
			.redirectErrorStream(true);
		bash.environment().put("ROOT", Rendered.ROOT.toString());
		bash.environment().put("BAWABA_RUNTIME", runtime.toString());
		try {
			Process process = bash.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("the launcher failed (" + commands + "): " + output);
			}
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			try (var files = Files.walk(runtime)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

}
