package org.bawaba.auth.agency;

// --- tellonce ---
/** Test access to the onboarding's naming rule, so the realm file's sample clients are checked against it. */
public final class KeycloakRealmAccess {

	private KeycloakRealmAccess() {
	}

	public static String clientId(String code, String service) {
		return KeycloakRealm.clientId(code, service);
	}

}
// --- end tellonce ---
