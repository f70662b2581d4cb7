package org.bawaba.eservices.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bawaba.contracts.eservices.ApplicationCompletedV1;
import org.bawaba.contracts.eservices.ApplicationInfoRequestedV1;
import org.bawaba.contracts.eservices.ApplicationStatusChangedV1;
import org.bawaba.contracts.eservices.ApplicationSubmittedV1;
import org.bawaba.eservices.application.Action.Actor;
import org.bawaba.eservices.catalogue.Catalogue;
import org.bawaba.eservices.catalogue.EService;
import org.bawaba.eservices.catalogue.FormValidator;
import org.bawaba.eservices.catalogue.RequiredDocument;
import org.bawaba.eservices.web.InvalidInputException;
import org.bawaba.eservices.web.Messages;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.ObjectProvider;
// --- renew ---
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
// --- end renew ---
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications: who may see and move which, the lifecycle, and its events (written to the platform
 * outbox in the same transaction as the change).
 */
@Service
public class ApplicationService {

	private final ApplicationRepository applications;

	private final Catalogue catalogue;

	private final FormValidator forms;

	private final EventPublisher events;

	private final ObjectProvider<AttachedDocuments> documents;

	private final Messages messages;

	// --- renew ---
	private final ApplicationEventPublisher moves;
	// --- end renew ---

	private final StepService steps; // newborn

	ApplicationService(ApplicationRepository applications, Catalogue catalogue, FormValidator forms,
			EventPublisher events, ObjectProvider<AttachedDocuments> documents, Messages messages,
			ApplicationEventPublisher moves, StepService steps) {
		this.steps = steps; // newborn
		this.applications = applications;
		this.catalogue = catalogue;
		this.forms = forms;
		this.events = events;
		this.documents = documents;
		this.messages = messages;
		// --- renew ---
		this.moves = moves;
		// --- end renew ---
	}

	// --- renew ---
	/** Applies for {@code serviceCode} as the signed-in citizen and submits at once (the prefilled renewals). */
	@Transactional
	public Application applyAndSubmit(Caller caller, String serviceCode, JsonNode formData) {
		return create(caller, new Requests.NewApplication(serviceCode, formData, true));
	}

	/**
	 * Completes an approved application for one of the service's own processes (the renewed credential
	 * arrived from the agency), with {@code actor} in its history; false when it is not approved (any more).
	 */
	@Transactional
	public boolean completeForSystem(UUID id, String actor, @Nullable String note) {
		Application application = applications.find(id).orElse(null);
		if (application == null || !Action.COMPLETE.allowedFrom(application.status())
				|| !applications.move(id, application.status(), Action.COMPLETE.to)) {
			return false;
		}
		applications.history(id, application.status(), Action.COMPLETE.to, Action.COMPLETE.label(), actor, note);
		Application moved = applications.find(id).orElseThrow();
		publish(Action.COMPLETE, application, moved);
		moves.publishEvent(new ApplicationMoved(moved, application.status()));
		return true;
	}
	// --- end renew ---

	@Transactional
	Application create(Caller caller, Requests.NewApplication request) {
		caller.requireRole(Roles.CITIZEN);
		EService service = catalogue.find(request.serviceCode())
			.filter(EService::acceptsApplications)
			.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "service-not-open", request.serviceCode()));
		JsonNode form = formObject(request.formData());
		UUID id = applications.insert(service, caller.subject(), form);
		if (Boolean.TRUE.equals(request.submit())) {
			return move(caller, id, Action.SUBMIT, null);
		}
		return applications.find(id).orElseThrow();
	}

	@Transactional
	Application updateForm(Caller caller, UUID id, JsonNode formData) {
		Application application = forCitizen(caller, id);
		if (application.status() != ApplicationStatus.DRAFT) {
			throw illegal(application, "update-form");
		}
		applications.updateForm(id, formObject(formData));
		return applications.find(id).orElseThrow();
	}

	@Transactional
	Application answer(Caller caller, UUID id, Requests.Answer answer) {
		Application application = forCitizen(caller, id);
		if (!Action.ANSWER.allowedFrom(application.status())) {
			throw illegal(application, Action.ANSWER.label());
		}
		if (answer.formData() != null) {
			JsonNode form = formObject(answer.formData());
			forms.validate(service(application), form);
			applications.updateForm(id, form);
		}
		return move(caller, id, Action.ANSWER, answer.message());
	}

	@Transactional
	Application assign(Caller caller, UUID id, @Nullable String assignee) {
		Application application = forStaff(caller, id);
		applications.assign(application.id(), assignee == null || assignee.isBlank() ? caller.username() : assignee);
		return applications.find(id).orElseThrow();
	}

	/** Moves an application by {@code action}, checking who may and whether it may now. */
	@Transactional
	Application move(Caller caller, UUID id, Action action, @Nullable String note) {
		Application application = action.actor == Actor.CITIZEN ? forCitizen(caller, id) : forStaff(caller, id);
		if (!action.allowedFrom(application.status())) {
			throw illegal(application, action.label());
		}
		EService service = service(application);
		// --- newborn ---
		if (service.integrated() && action.actor == Actor.STAFF) {
			throw new ProblemException(HttpStatus.CONFLICT, "application-integrated");
		}
		// --- end newborn ---
		if (action == Action.SUBMIT) {
			forms.validate(service, application.formData());
			requireDocuments(service, application);
		}
		if (action == Action.START_REVIEW && application.paymentRequired() && !application.paid()) {
			throw new ProblemException(HttpStatus.CONFLICT, "payment-required");
		}
		if (!applications.move(id, application.status(), action.to)) {
			throw illegal(application, action.label());
		}
		String actor = action.actor == Actor.CITIZEN ? caller.subject() : caller.username();
		applications.history(id, application.status(), action.to, action.label(), actor, note);
		Application moved = applications.find(id).orElseThrow();
		publish(action, application, moved);
		// --- renew ---
		moves.publishEvent(new ApplicationMoved(moved, application.status()));
		// --- end renew ---
		// --- newborn ---
		if (action == Action.SUBMIT && service.integrated()) {
			steps.request(moved, service);
		}
		// --- end newborn ---
		return moved;
	}

	private void publish(Action action, Application before, Application after) {
		Instant now = Instant.now();
		switch (action) {
			case SUBMIT -> events.publish(new ApplicationSubmittedV1(after.id(), after.serviceCode(), after.agency(),
					after.citizenSubject(), after.submittedAt()));
			case REQUEST_INFO -> events.publish(new ApplicationInfoRequestedV1(after.id(), after.serviceCode(),
					after.agency(), after.citizenSubject(), now));
			case COMPLETE -> events.publish(new ApplicationCompletedV1(after.id(), after.serviceCode(), after.agency(),
					after.citizenSubject(), after.submittedAt(), after.completedAt()));
			default -> events.publish(new ApplicationStatusChangedV1(after.id(), after.citizenSubject(), after.agency(),
					before.status().published(), after.status().published(),
					action == Action.REJECT ? noteOf(after) : null, now));
		}
	}

	private String noteOf(Application application) {
		List<HistoryEntry> history = applications.history(application.id());
		return history.getLast().note();
	}

	/** The application if the caller may see it: its applicant, or staff of its agency. Otherwise 404. */
	public Application visible(Caller caller, UUID id) {
		Application application = applications.find(id).orElseThrow(() -> notFound(id));
		boolean own = caller.hasRole(Roles.CITIZEN) && caller.subject().equals(application.citizenSubject());
		boolean agency = caller.isAgencyStaff() && application.agency().equals(caller.agency())
				&& application.status() != ApplicationStatus.DRAFT;
		if (!own && !agency && !caller.isPlatformAdmin()) {
			throw notFound(id);
		}
		return application;
	}

	// --- newborn ---
	/** The application with its agencies' steps, if the caller may see it. */
	ApplicationView view(Caller caller, UUID id) {
		return ApplicationView.of(visible(caller, id), steps.of(id));
	}
	// --- end newborn ---

	/** The caller's own application (404 for anyone else's); 403 for a caller who is no citizen. */
	public Application forCitizen(Caller caller, UUID id) {
		caller.requireRole(Roles.CITIZEN);
		Application application = applications.find(id).orElseThrow(() -> notFound(id));
		if (!caller.subject().equals(application.citizenSubject())) {
			throw notFound(id);
		}
		return application;
	}

	/** An application of the caller's agency (404 for other agencies' and for drafts); 403 for non-staff. */
	Application forStaff(Caller caller, UUID id) {
		if (!caller.isAgencyStaff()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		Application application = applications.find(id).orElseThrow(() -> notFound(id));
		if (!application.agency().equals(caller.agency()) || application.status() == ApplicationStatus.DRAFT) {
			throw notFound(id);
		}
		return application;
	}

	/** An application for the service's own processes (payment callbacks), without a caller. */
	public Application forSystem(UUID id) {
		return applications.find(id).orElseThrow(() -> notFound(id));
	}

	/** Records that the fee is paid; false when it was already. */
	public boolean markPaid(UUID id, Instant at) {
		return applications.markPaid(id, at);
	}

	public EService service(Application application) {
		return catalogue.find(application.serviceCode()).orElseThrow();
	}

	private void requireDocuments(EService service, Application application) {
		AttachedDocuments attached = documents.getIfAvailable();
		Set<String> present = attached == null ? Set.of() : attached.typesOf(application.id());
		List<String> missing = new ArrayList<>();
		for (RequiredDocument document : service.requiredDocuments()) {
			if (!present.contains(document.code())) {
				// named as the citizen reads them, in the caller's language
				boolean arabic = "ar".equals(LocaleContextHolder.getLocale().getLanguage());
				missing.add(arabic ? document.name().ar() : document.name().en());
			}
		}
		if (!missing.isEmpty()) {
			throw new ProblemException(HttpStatus.CONFLICT, "documents-missing", String.join(", ", missing));
		}
	}

	private JsonNode formObject(@Nullable JsonNode formData) {
		if (formData == null || formData.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!formData.isObject()) {
			throw new InvalidInputException(List.of(messages.field("formData", "field.invalid")));
		}
		return formData;
	}

	private static ProblemException notFound(UUID id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "application-not-found", id);
	}

	private static ProblemException illegal(Application application, String action) {
		return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", application.status(), action);
	}

}
