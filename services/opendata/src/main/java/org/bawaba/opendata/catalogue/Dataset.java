package org.bawaba.opendata.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dataset with its organisation, tags, themes and resources. */
public record Dataset(UUID id, String name, Organization organization, Bilingual title, Bilingual notes,
		List<String> tags, List<Theme> themes, String licenseId, String frequency, LocalDate temporalStart,
		LocalDate temporalEnd, String spatial, String maintainer, String maintainerEmail, String version,
		boolean isPrivate, boolean live, Instant created, Instant modified, List<Resource> resources) {
}
