package org.bawaba.opendata.catalogue;

import java.time.Instant;
import java.util.UUID;

/** A publisher: an agency (its name is the agency code of staff tokens) or the platform itself ({@code bawaba}). */
public record Organization(UUID id, String name, Bilingual title, Bilingual description, Instant created) {
}
