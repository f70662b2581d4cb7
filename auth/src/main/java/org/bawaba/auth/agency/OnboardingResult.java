package org.bawaba.auth.agency;

import java.util.List;

/**
 * The agency after onboarding, and the credentials of the clients this call created (empty when every
 * client already existed: secrets are shown once).
 */
record OnboardingResult(Agency agency, boolean created, List<ClientCredentials> newCredentials) {
}
