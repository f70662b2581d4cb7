package org.bawaba.opendata.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The licences a dataset may carry, with CKAN's ids. */
public final class Licences {

	/** One licence: CKAN id, title, the licence's own address. */
	public record Licence(String id, String title, String url) {
	}

	private static final Map<String, Licence> ALL = new LinkedHashMap<>();

	static {
		add("cc-by", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/");
		add("cc-by-sa", "Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/");
		add("cc-zero", "Creative Commons CCZero", "https://creativecommons.org/publicdomain/zero/1.0/");
		add("odc-by", "Open Data Commons Attribution License", "https://opendatacommons.org/licenses/by/1-0/");
		add("odc-odbl", "Open Data Commons Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/");
		add("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)", "https://opendatacommons.org/licenses/pddl/1-0/");
	}

	private Licences() {
	}

	private static void add(String id, String title, String url) {
		ALL.put(id, new Licence(id, title, url));
	}

	public static Optional<Licence> find(String id) {
		return Optional.ofNullable(ALL.get(id));
	}

	static String ids() {
		return String.join(", ", ALL.keySet());
	}

}
