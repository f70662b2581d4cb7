package org.bawaba.eservices.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eservices.catalogue.*}.
 * @param seedWhenEmpty import the sample catalogue ({@code classpath:catalogue/*.json}) when the catalogue is empty
 */
@ConfigurationProperties("eservices.catalogue")
record CatalogueProperties(@DefaultValue("true") boolean seedWhenEmpty) {
}
