package org.bawaba.eservices.document;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code eservices.documents.*}.
 * @param directory where the files are stored, outside the database
 * @param maxSize largest accepted file
 * @param allowedTypes media types accepted, as detected from the content (not the name or the declared type)
 */
@ConfigurationProperties("eservices.documents")
@Validated
record DocumentProperties(@NotNull Path directory, @DefaultValue("5MB") DataSize maxSize,
		@DefaultValue({ "application/pdf", "image/png", "image/jpeg" }) @NotEmpty List<String> allowedTypes) {
}
