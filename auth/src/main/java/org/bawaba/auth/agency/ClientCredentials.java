package org.bawaba.auth.agency;

/**
 * A service client's credentials, answered once: when the client is created or its secret rotated. The
 * platform does not keep the secret; Keycloak does.
 */
record ClientCredentials(String service, String clientId, String clientSecret, String tokenUrl) {
}
