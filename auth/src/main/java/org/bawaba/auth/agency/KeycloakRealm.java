package org.bawaba.auth.agency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The realm changes onboarding needs, each one converging: it looks first and creates or corrects only
 * what is missing or different, so running it twice changes nothing. Secrets are read back from Keycloak
 * and never logged.
 *
 * <p>Layout in the realm, per agency {@code <code>}: a group {@code agency-<code>} with the attribute
 * {@code agency=<code>} (the realm's {@code agency} mapper puts it in members' tokens) and the realm role
 * {@code agency-staff}; its subgroup {@code admins} adds {@code agency-admin}; for each service a
 * confidential client {@code <code>-<service>} with only the client-credentials grant, a hardcoded
 * {@code agency} claim and the realm role {@code agency-service} on its service account.
 */
@Component
public class KeycloakRealm implements DisposableBean {

	static final String STAFF_ROLE = "agency-staff";

	static final String ADMIN_ROLE = "agency-admin";

	static final String SERVICE_ROLE = "agency-service";

	static final String API_AUDIENCE = "bawaba-api";

	/** The audience the Kafka brokers require of a client's token. */
	public static final String KAFKA_AUDIENCE = "bawaba-kafka";

	private static final Logger log = LoggerFactory.getLogger(KeycloakRealm.class);

	private final Keycloak keycloak;

	private final KeycloakProperties properties;

	KeycloakRealm(KeycloakProperties properties) {
		this.properties = properties;
		this.keycloak = KeycloakBuilder.builder()
			.serverUrl(properties.serverUrl())
			.realm(properties.realm())
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.build();
	}

	public String tokenUrl() {
		return properties.serverUrl() + "/realms/" + properties.realm() + "/protocol/openid-connect/token";
	}

	/** The agency's group (and its admins subgroup), with the agency attribute and staff roles; its id. */
	String ensureGroup(String code) {
		String name = "agency-" + code;
		GroupRepresentation group = realm().groups()
			.groups(name, true, 0, 10, false)
			.stream()
			.filter(candidate -> name.equals(candidate.getName()))
			.findFirst()
			.orElseGet(() -> {
				GroupRepresentation created = new GroupRepresentation();
				created.setName(name);
				try (Response response = realm().groups().add(created)) {
					created.setId(CreatedResponseUtil.getCreatedId(response));
				}
				log.info("created group {}", name);
				return created;
			});
		Map<String, List<String>> attributes = Map.of("agency", List.of(code));
		if (!attributes.equals(group.getAttributes())) {
			GroupRepresentation update = realm().groups().group(group.getId()).toRepresentation();
			update.setAttributes(attributes);
			realm().groups().group(group.getId()).update(update);
		}
		ensureGroupRole(group.getId(), STAFF_ROLE);
		String admins = ensureSubGroup(group.getId(), "admins");
		ensureGroupRole(admins, ADMIN_ROLE);
		return group.getId();
	}

	private String ensureSubGroup(String parentId, String name) {
		return realm().groups()
			.group(parentId)
			.getSubGroups(name, true, 0, 10, true)
			.stream()
			.filter(candidate -> name.equals(candidate.getName()))
			.map(GroupRepresentation::getId)
			.findFirst()
			.orElseGet(() -> {
				GroupRepresentation created = new GroupRepresentation();
				created.setName(name);
				try (Response response = realm().groups().group(parentId).subGroup(created)) {
					return CreatedResponseUtil.getCreatedId(response);
				}
			});
	}

	private void ensureGroupRole(String groupId, String role) {
		var mappings = realm().groups().group(groupId).roles().realmLevel();
		if (mappings.listAll().stream().noneMatch(existing -> role.equals(existing.getName()))) {
			mappings.add(List.of(realmRole(role)));
		}
	}

	/**
	 * The service's client, enabled, with its claim, role and audiences (the APIs, the Kafka brokers); answers
	 * its secret only when this call created it (empty when it existed: secrets are shown once).
	 */
	Optional<String> ensureClient(String code, String service) {
		String clientId = clientId(code, service);
		Optional<ClientRepresentation> existing = client(clientId);
		if (existing.isPresent()) {
			ClientRepresentation client = existing.get();
			if (!Boolean.TRUE.equals(client.isEnabled())) {
				client.setEnabled(true);
				realm().clients().get(client.getId()).update(client);
			}
			ensureServiceRole(client.getId());
			ensureAudience(client.getId(), API_AUDIENCE);
			ensureAudience(client.getId(), KAFKA_AUDIENCE);
			return Optional.empty();
		}
		ClientRepresentation client = serviceClient(clientId, code + " · " + service,
				"Service " + service + " of agency " + code + ", onboarded by the auth service");
		ProtocolMapperRepresentation agency = new ProtocolMapperRepresentation();
		agency.setName("agency");
		agency.setProtocol("openid-connect");
		agency.setProtocolMapper("oidc-hardcoded-claim-mapper");
		agency.setConfig(Map.of("claim.name", "agency", "claim.value", code, "jsonType.label", "String",
				"access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
				"introspection.token.claim", "true"));
		client.setProtocolMappers(List.of(agency, audience(), audience(KAFKA_AUDIENCE)));
		String id;
		try (Response response = realm().clients().create(client)) {
			id = CreatedResponseUtil.getCreatedId(response);
		}
		ensureServiceRole(id);
		log.info("created client {}", clientId);
		return Optional.of(realm().clients().get(id).getSecret().getValue());
	}

	/**
	 * An outside system's client: confidential, client credentials only, enabled, and tokens with the Kafka
	 * brokers' audience only (not the platform's APIs); its secret when this call created it, empty when it
	 * existed (secrets are shown once).
	 */
	public Optional<String> ensureSystemClient(String clientId, String name) {
		Optional<ClientRepresentation> existing = client(clientId);
		if (existing.isPresent()) {
			ClientRepresentation client = existing.get();
			if (!Boolean.TRUE.equals(client.isEnabled())) {
				client.setEnabled(true);
				realm().clients().get(client.getId()).update(client);
			}
			return Optional.empty();
		}
		ClientRepresentation client = serviceClient(clientId, name,
				"An outside system reading public events from Kafka, onboarded by the auth service");
		client.setProtocolMappers(List.of(audience(KAFKA_AUDIENCE)));
		String id;
		try (Response response = realm().clients().create(client)) {
			id = CreatedResponseUtil.getCreatedId(response);
		}
		log.info("created client {}", clientId);
		return Optional.of(realm().clients().get(id).getSecret().getValue());
	}

	/** Removes the client (its tokens can no longer be renewed); false when there is none. */
	public boolean deleteClient(String clientId) {
		Optional<ClientRepresentation> client = client(clientId);
		client.ifPresent(found -> realm().clients().get(found.getId()).remove());
		return client.isPresent();
	}

	/** Access tokens for the platform's APIs carry their audience; the gateway and every service check it. */
	static ProtocolMapperRepresentation audience() {
		return audience(API_AUDIENCE);
	}

	/** A mapper named {@code audience <value>} that puts {@code value} into the client's access tokens' aud. */
	private static ProtocolMapperRepresentation audience(String value) {
		ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
		audience.setName("audience " + value);
		audience.setProtocol("openid-connect");
		audience.setProtocolMapper("oidc-audience-mapper");
		audience.setConfig(Map.of("included.custom.audience", value, "access.token.claim", "true",
				"id.token.claim", "false", "introspection.token.claim", "true", "lightweight.claim", "false"));
		return audience;
	}

	/** A confidential client with only the client-credentials grant (a service account), enabled. */
	private static ClientRepresentation serviceClient(String clientId, String name, String description) {
		ClientRepresentation client = new ClientRepresentation();
		client.setClientId(clientId);
		client.setName(name);
		client.setDescription(description);
		client.setEnabled(true);
		client.setProtocol("openid-connect");
		client.setPublicClient(false);
		client.setClientAuthenticatorType("client-secret");
		client.setServiceAccountsEnabled(true);
		client.setStandardFlowEnabled(false);
		client.setDirectAccessGrantsEnabled(false);
		client.setImplicitFlowEnabled(false);
		return client;
	}

	private void ensureAudience(String clientUuid, String value) {
		var mappers = realm().clients().get(clientUuid).getProtocolMappers();
		ProtocolMapperRepresentation wanted = audience(value);
		if (mappers.getMappers().stream().noneMatch(mapper -> wanted.getName().equals(mapper.getName()))) {
			try (Response created = mappers.createMapper(wanted)) {
				log.info("added the audience {} to client {}", value, clientUuid);
			}
		}
	}

	private void ensureServiceRole(String clientUuid) {
		UserRepresentation account = realm().clients().get(clientUuid).getServiceAccountUser();
		var mappings = realm().users().get(account.getId()).roles().realmLevel();
		if (mappings.listAll().stream().noneMatch(role -> SERVICE_ROLE.equals(role.getName()))) {
			mappings.add(List.of(realmRole(SERVICE_ROLE)));
		}
	}

	/**
	 * A new secret for the service's client; the old one stops working at once. A client missing from the
	 * realm (deleted by hand) is created again.
	 */
	String rotateSecret(String code, String service) {
		Optional<String> created = ensureClient(code, service);
		if (created.isPresent()) {
			return created.get();
		}
		ClientRepresentation client = client(clientId(code, service)).orElseThrow();
		return realm().clients().get(client.getId()).generateNewSecret().getValue();
	}

	/** Disables the client (tokens can no longer be obtained with it); false when there is none. */
	boolean disableClient(String code, String service) {
		Optional<ClientRepresentation> client = client(clientId(code, service));
		if (client.isEmpty() || Boolean.FALSE.equals(client.get().isEnabled())) {
			return false;
		}
		ClientRepresentation update = client.get();
		update.setEnabled(false);
		realm().clients().get(update.getId()).update(update);
		return true;
	}

	/**
	 * Makes {@code username} a member of the agency's group (and of its admins when {@code admin}) with the
	 * {@code agency} attribute, creating the account when there is none (it then has to set a password).
	 */
	StaffAssignment assignStaff(String code, String groupId, StaffRequest request) {
		List<UserRepresentation> found = realm().users().searchByUsername(request.username(), true);
		boolean invited = found.isEmpty();
		String userId;
		if (invited) {
			UserRepresentation user = new UserRepresentation();
			user.setUsername(request.username());
			user.setEmail(request.email());
			user.setFirstName(request.firstName());
			user.setLastName(request.lastName());
			user.setEnabled(true);
			user.setAttributes(Map.of("agency", List.of(code)));
			user.setRequiredActions(List.of("UPDATE_PASSWORD"));
			try (Response response = realm().users().create(user)) {
				userId = CreatedResponseUtil.getCreatedId(response);
			}
		}
		else {
			userId = found.get(0).getId();
			UserRepresentation user = realm().users().get(userId).toRepresentation();
			if (user.getAttributes() == null || !List.of(code).equals(user.getAttributes().get("agency"))) {
				Map<String, List<String>> attributes = new java.util.HashMap<>(
						user.getAttributes() == null ? Map.of() : user.getAttributes());
				attributes.put("agency", List.of(code));
				user.setAttributes(attributes);
				realm().users().get(userId).update(user);
			}
		}
		realm().users().get(userId).joinGroup(groupId);
		if (request.isAdmin()) {
			realm().users().get(userId).joinGroup(ensureSubGroup(groupId, "admins"));
		}
		return new StaffAssignment(code, request.username(), userId, request.isAdmin(), invited);
	}

	static String clientId(String code, String service) {
		return code + "-" + service;
	}

	private Optional<ClientRepresentation> client(String clientId) {
		return realm().clients().findByClientId(clientId).stream().findFirst();
	}

	private RoleRepresentation realmRole(String name) {
		return realm().roles().get(name).toRepresentation();
	}

	private RealmResource realm() {
		return keycloak.realm(properties.realm());
	}

	/** Whether a failure came from Keycloak (unreachable, or refused the call). */
	public static boolean isKeycloakFailure(RuntimeException ex) {
		return ex instanceof WebApplicationException || ex instanceof jakarta.ws.rs.ProcessingException;
	}

	@Override
	public void destroy() {
		keycloak.close();
	}

}
