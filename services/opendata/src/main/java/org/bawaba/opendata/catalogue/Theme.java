package org.bawaba.opendata.catalogue;

import java.util.UUID;

/** A theme (a CKAN group), tied to an EU data theme for DCAT-AP. */
public record Theme(UUID id, String name, Bilingual title, String euTheme) {

	public String euThemeIri() {
		return "http://publications.europa.eu/resource/authority/data-theme/" + euTheme;
	}

}
