package org.bawaba.opendata.catalogue;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A dataset's metadata as its agency's staff write it.
 *
 * @param name the URL name (CKAN {@code name}): lower-case letters, digits, {@code -} and {@code _}
 * @param organization the publishing organisation (the agency code)
 * @param license a CKAN licence id ({@code cc-by}, {@code odc-odbl}, ...)
 * @param frequency an EU frequency code ({@code MONTHLY}, {@code ANNUAL}, ...)
 * @param groups theme names ({@code health}, {@code economy}, ...)
 * @param isPrivate visible only to the organisation's staff while true
 */
public record DatasetRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{1,99}") String name,
		@NotBlank String organization, @NotNull @Valid Bilingual title, @Valid Bilingual notes,
		@Size(max = 50) List<@NotBlank @Size(max = 100) String> tags, @Size(max = 20) List<@NotBlank String> groups,
		@NotBlank String license, String frequency, LocalDate temporalStart, LocalDate temporalEnd,
		@Size(max = 500) String spatial, @Size(max = 200) String maintainer,
		@Email @Size(max = 200) String maintainerEmail, @Size(max = 100) String version,
		@JsonProperty("private") Boolean isPrivate) {

	boolean privateDataset() {
		return Boolean.TRUE.equals(isPrivate);
	}

	List<String> tagList() {
		return tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
	}

	List<String> groupList() {
		return groups == null ? List.of() : groups.stream().distinct().toList();
	}

}
