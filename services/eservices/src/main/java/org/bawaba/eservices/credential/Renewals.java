package org.bawaba.eservices.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.eservices.application.Application;
import org.bawaba.eservices.application.ApplicationService;
import org.bawaba.eservices.catalogue.Catalogue;
import org.bawaba.eservices.catalogue.EService;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's side: their credentials, the renewal prefilled from what the platform knows, and its
 * submission through the ordinary application lifecycle.
 *
 * <p>A renewal service's form says where each field comes from with {@code x-prefill}: {@code credential.id},
 * {@code credential.type}, {@code credential.issuedOn}, {@code credential.expiresOn}, {@code credential.agency}
 * (the platform's record), {@code token.national_id} (the signed-in person's token); other fields take the
 * schema's {@code default}. Prefilled values win over what the citizen sends.
 */
@Service
class Renewals {

	private final CredentialRepository credentials;

	private final ApplicationService applications;

	private final Catalogue catalogue;

	private final RenewalProperties properties;

	private final RenewalNotices notices;

	Renewals(CredentialRepository credentials, ApplicationService applications, Catalogue catalogue,
			RenewalProperties properties, RenewalNotices notices) {
		this.credentials = credentials;
		this.applications = applications;
		this.catalogue = catalogue;
		this.properties = properties;
		this.notices = notices;
	}

	/**
	 * A renewal ready to submit.
	 *
	 * @param formData the form filled from what the platform knows and the form's defaults
	 * @param prefilled the fields the platform filled (read-only for the citizen)
	 * @param missing required fields still to fill
	 */
	record Offer(Credential credential, EService service, JsonNode formData, List<String> prefilled,
			List<String> missing) {
	}

	List<Credential> mine(Caller caller) {
		return credentials.ofHolder(caller.subject()).stream().map(this::withState).toList();
	}

	Credential mine(Caller caller, UUID id) {
		return withState(own(caller, id));
	}

	Offer offer(Caller caller, UUID id) {
		caller.requireRole(Roles.CITIZEN);
		return offer(caller, renewable(own(caller, id)));
	}

	@Transactional
	Application submit(Caller caller, UUID id, @Nullable JsonNode formData) {
		caller.requireRole(Roles.CITIZEN);
		own(caller, id);
		Credential credential = renewable(credentials.findForUpdate(id).orElseThrow());
		Offer offer = offer(caller, credential);
		ObjectNode form = JsonNodeFactory.instance.objectNode();
		if (formData != null && formData.isObject()) {
			form.setAll((ObjectNode) formData);
		}
		else if (formData != null && !formData.isNull()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", "formData");
		}
		// what the platform knows wins; the form's defaults fill what the citizen left out
		for (String field : offer.formData().propertyNames()) {
			if (offer.prefilled().contains(field) || !form.has(field)) {
				form.set(field, offer.formData().get(field));
			}
		}
		Application application = applications.applyAndSubmit(caller, offer.service().code(), form);
		if (!credentials.openRenewal(application.id(), credential.id())) {
			throw renewalOpen(credential.id());
		}
		return application;
	}

	private Offer offer(Caller caller, Credential credential) {
		String code = properties.services().get(credential.type());
		EService service = code == null ? null
				: catalogue.find(code).filter(EService::acceptsApplications).orElse(null);
		if (service == null || service.form() == null) {
			throw new ProblemException(HttpStatus.CONFLICT, "renewal-not-offered", credential.type());
		}
		ObjectNode form = JsonNodeFactory.instance.objectNode();
		List<String> prefilled = new ArrayList<>();
		JsonNode properties = service.form().path("properties");
		Map<String, @Nullable String> known = new java.util.HashMap<>();
		known.put("credential.id", credential.id().toString());
		known.put("credential.type", credential.type().name());
		known.put("credential.issuedOn", credential.issuedOn().toString());
		known.put("credential.expiresOn", credential.expiresOn().toString());
		known.put("credential.agency", credential.agency());
		known.put("token.national_id", caller.nationalId());
		for (String field : properties.propertyNames()) {
			JsonNode property = properties.get(field);
			String source = property.hasNonNull("x-prefill") ? property.get("x-prefill").asString() : null;
			if (source != null) {
				String value = known.get(source);
				if (value != null) {
					form.put(field, value);
					prefilled.add(field);
				}
			}
			else if (property.has("default")) {
				form.set(field, property.get("default"));
			}
		}
		List<String> missing = new ArrayList<>();
		service.form().path("required").forEach(required -> {
			if (!form.has(required.asString())) {
				missing.add(required.asString());
			}
		});
		return new Offer(withState(credential), service, form, prefilled, missing);
	}

	/** The caller's own credential; 404 for anyone else's (its existence is private too). */
	private Credential own(Caller caller, UUID id) {
		return credentials.find(id)
			.filter(credential -> credential.holderSubject().equals(caller.subject()))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "credential-not-found", id));
	}

	private static Credential renewable(Credential credential) {
		if (credential.renewed()) {
			throw new ProblemException(HttpStatus.CONFLICT, "credential-renewed", credential.id(), credential.renewedBy());
		}
		if (credential.renewalApplicationId() != null) {
			throw renewalOpen(credential.id());
		}
		return credential;
	}

	private static ProblemException renewalOpen(UUID credential) {
		return new ProblemException(HttpStatus.CONFLICT, "renewal-open", credential);
	}

	private Credential withState(Credential credential) {
		return credential.withState(notices.today(), notices.windowDays());
	}

}
