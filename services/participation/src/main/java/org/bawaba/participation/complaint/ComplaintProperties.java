package org.bawaba.participation.complaint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code participation.complaints.*}.
 * @param attachments where and what files citizens may attach
 * @param sla the deadlines: a default and per agency
 */
@ConfigurationProperties("participation.complaints")
@Validated
record ComplaintProperties(@NotNull @Valid Attachments attachments, @NotNull @Valid Sla sla) {

	/**
	 * @param directory where the files are stored, outside the database
	 * @param maxSize largest accepted file
	 * @param allowedTypes media types accepted, as detected from the content
	 */
	record Attachments(@NotNull Path directory, @DefaultValue("5MB") DataSize maxSize,
			@DefaultValue({ "application/pdf", "image/png", "image/jpeg" }) @NotEmpty List<String> allowedTypes) {
	}

	/**
	 * @param firstReply time from filing to the agency's first reply
	 * @param resolution time from filing (or reopening) to resolution
	 */
	record Deadlines(@NotNull Duration firstReply, @NotNull Duration resolution) {
	}

	record Sla(@NotNull @Valid Deadlines defaults, @DefaultValue Map<String, @Valid Deadlines> agencies) {

		Deadlines of(String agency) {
			return agencies.getOrDefault(agency, defaults);
		}

	}

}
