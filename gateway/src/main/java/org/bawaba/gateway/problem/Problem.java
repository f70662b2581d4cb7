package org.bawaba.gateway.problem;

import java.net.URI;

/**
 * An RFC 9457 problem detail, as the gateway writes it with media type
 * {@code application/problem+json}.
 */
public record Problem(URI type, String title, int status, String detail, String instance) {
}
