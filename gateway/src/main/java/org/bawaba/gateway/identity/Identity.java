package org.bawaba.gateway.identity;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The caller as the Bawaba sign-on describes them in their access token. Absent claims are
 * {@code null}; {@code roles} are the realm roles, empty when there are none.
 */
record Identity(String subject, String username, String name, @JsonProperty("national_id") String nationalId,
		List<String> roles, String agency, String locale) {
}
