package org.bawaba.registry.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Keycloak client the registry verified: its id, its realm roles and, for an agency's service, its
 * agency (the {@code agency} claim onboarding gives the client).
 */
record RegistryClient(String clientId, List<String> roles, @Nullable String agency) {

	static final String PLATFORM_SERVICE = "platform-service";

	static final String AGENCY_SERVICE = "agency-service";

	boolean mayRegister() {
		return roles.contains(PLATFORM_SERVICE) || roles.contains(AGENCY_SERVICE);
	}

}
