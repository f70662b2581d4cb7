package org.bawaba.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code bawaba.web.*}.
 *
 * @param maxBodySize largest accepted request body (multipart excluded), default 1MB
 */
@ConfigurationProperties("bawaba.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
