package org.bawaba.opendata.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opendata.*}.
 *
 * @param publicUrl the service's address as the public reaches it (through the gateway): the base of
 * download links, CKAN's {@code _links}, {@code help} and the DCAT-AP IRIs
 */
@ConfigurationProperties("opendata")
public record OpendataProperties(@DefaultValue("http://localhost:8080/api/opendata") String publicUrl) {
}
