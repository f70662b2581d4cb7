package org.bawaba.auth.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the realm's admin API is and the client the auth service signs in with (client credentials; its
 * service account holds the realm-management roles {@code manage-users}, {@code manage-clients},
 * {@code view-realm}).
 */
@ConfigurationProperties("auth.keycloak")
record KeycloakProperties(String serverUrl, String realm, String clientId, String clientSecret) {
}
