package org.bawaba.gateway.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, as the gateway writes it with media type
 * {@code application/problem+json}. {@code instance} is left out when the request's address is
 * not worth repeating (too long, or not parsed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance) {
}
