package org.bawaba.opendata.catalogue;

import java.util.List;

/** Update frequencies: codes of the EU "frequency" authority table, which DCAT-AP uses. */
public final class Frequencies {

	static final List<String> CODES = List.of("UPDATE_CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL",
			"IRREG", "NEVER", "UNKNOWN");

	private Frequencies() {
	}

	public static String iri(String code) {
		return "http://publications.europa.eu/resource/authority/frequency/" + code;
	}

}
