package org.bawaba.eservices.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.bawaba.eservices.web.InvalidInputException;
import org.bawaba.eservices.web.InvalidInputException.FieldMessage;
import org.bawaba.eservices.web.Messages;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Catalogue changes: the import agencies use, and staff edits of their own agency's services. */
@Service
class CatalogueService {

	private final CatalogueRepository services;

	private final FormValidator forms;

	private final Validator validator;

	private final Messages messages;

	private final MessageSource messageSource;

	CatalogueService(CatalogueRepository services, FormValidator forms, Validator validator, Messages messages,
			MessageSource messageSource) {
		this.services = services;
		this.forms = forms;
		this.validator = validator;
		this.messages = messages;
		this.messageSource = messageSource;
	}

	/** Imported counts. */
	record ImportResult(String agency, int created, int updated) {
	}

	/**
	 * Imports an agency's catalogue file in one transaction: every service is checked first, nothing is
	 * stored when one is wrong. Services without a status in the file are published.
	 */
	@Transactional
	ImportResult importFile(CatalogueFile file) {
		check(file, "");
		List<FieldMessage> errors = new ArrayList<>();
		Set<String> codes = new java.util.HashSet<>();
		for (int i = 0; i < file.services().size(); i++) {
			ServiceDefinition service = file.services().get(i);
			int index = i;
			if (!codes.add(service.code())) {
				errors.add(messages.field("services[" + i + "].code", "catalogue.code.duplicate", service.code()));
			}
			services.findByCode(service.code())
				.filter(existing -> !existing.agency().equals(file.agency().code()))
				.ifPresent(existing -> errors.add(messages.field("services[" + index + "].code",
						"catalogue.code.other-agency", service.code())));
			try {
				checkRules(service);
				// --- newborn ---
				checkSteps(service, file.agency().code());
				// --- end newborn ---
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(error -> errors.add(new FieldMessage("services[" + index + "]." + error.field(),
						error.message(), error.messages())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		services.saveAgency(file.agency());
		int created = 0;
		int updated = 0;
		for (ServiceDefinition service : file.services()) {
			ServiceStatus status = service.status() != null ? service.status() : ServiceStatus.PUBLISHED;
			if (services.findByCode(service.code()).isPresent()) {
				services.update(file.agency().code(), service, status, searchText(file.agency(), service));
				updated++;
			}
			else {
				services.insert(file.agency().code(), service, status, searchText(file.agency(), service));
				created++;
			}
		}
		return new ImportResult(file.agency().code(), created, updated);
	}

	@Transactional
	EService create(Caller caller, ServiceDefinition service) {
		Agency agency = staffAgency(caller);
		checkRules(service);
		checkSteps(service, agency.code()); // newborn
		if (services.findByCode(service.code()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "service-code-taken", service.code());
		}
		ServiceStatus status = service.status() == ServiceStatus.PUBLISHED ? ServiceStatus.PUBLISHED
				: ServiceStatus.DRAFT;
		services.insert(agency.code(), service, status, searchText(agency, service));
		return services.findByCode(service.code()).orElseThrow();
	}

	@Transactional
	EService update(Caller caller, String code, ServiceDefinition service) {
		EService existing = ownService(caller, code);
		if (!existing.code().equals(service.code())) {
			throw new InvalidInputException(List.of(messages.field("code", "catalogue.code.immutable")));
		}
		checkRules(service);
		checkSteps(service, existing.agency()); // newborn
		Agency agency = services.findAgency(existing.agency()).orElseThrow();
		services.update(agency.code(), service, service.status() != null ? service.status() : existing.status(),
				searchText(agency, service));
		return services.findByCode(code).orElseThrow();
	}

	@Transactional
	EService setStatus(Caller caller, String code, ServiceStatus status) {
		ownService(caller, code);
		services.setStatus(code, status);
		return services.findByCode(code).orElseThrow();
	}

	/** A service of the caller's agency, else 404 when it does not exist or 403 when it is another agency's. */
	EService ownService(Caller caller, String code) {
		EService service = services.findByCode(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "service-not-found", code));
		caller.requireAgency(service.agency());
		return service;
	}

	private Agency staffAgency(Caller caller) {
		if (!caller.isAgencyStaff() || caller.agency() == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		return services.findAgency(caller.agency())
			.orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "agency-unknown", caller.agency()));
	}

	/** Bean Validation for input that did not come through a controller (the seed files). */
	private void check(Object input, String prefix) {
		Set<ConstraintViolation<Object>> violations = validator.validate(input);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations.stream()
				.map(v -> Messages.field(prefix + v.getPropertyPath(), v.getMessage(),
						messageSource.getMessage("field.invalid", null, Messages.ARABIC)))
				.collect(Collectors.toList()));
		}
	}

	/** The rules Bean Validation cannot express: levels 2-4 need a form, and the form must be a schema. */
	private void checkRules(ServiceDefinition service) {
		boolean hasForm = service.form() != null && !service.form().isNull();
		if (service.level() >= 2 && !hasForm) {
			throw new InvalidInputException(List.of(messages.field("form", "catalogue.form.required")));
		}
		if (hasForm) {
			forms.checkSchema(service.form());
		}
	}

	// --- newborn ---
	/**
	 * Steps only at level 4, each name once, each owned by a known agency (the service's own, or one in the
	 * catalogue), each with a positive deadline.
	 */
	private void checkSteps(ServiceDefinition service, String ownAgency) {
		List<FieldMessage> errors = new ArrayList<>();
		List<ServiceStep> steps = service.stepList();
		if (!steps.isEmpty() && service.level() != 4) {
			errors.add(messages.field("steps", "catalogue.steps.level"));
		}
		Set<String> names = new java.util.HashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			ServiceStep step = steps.get(i);
			if (!names.add(step.step())) {
				errors.add(messages.field("steps[" + i + "].step", "catalogue.steps.duplicate", step.step()));
			}
			if (!step.agency().equals(ownAgency) && services.findAgency(step.agency()).isEmpty()) {
				errors.add(messages.field("steps[" + i + "].agency", "catalogue.steps.agency-unknown", step.agency()));
			}
			if (step.deadline().isNegative() || step.deadline().isZero()) {
				errors.add(messages.field("steps[" + i + "].deadline", "catalogue.steps.deadline"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}
	// --- end newborn ---

	private static String searchText(Agency agency, ServiceDefinition service) {
		return TextNormalizer.normalize(String.join(" ", service.title().en(), service.title().ar(),
				service.description().en(), service.description().ar(), service.code().replace('-', ' '),
				service.category().replace('-', ' '), service.lifeEvent() == null ? "" : service.lifeEvent().replace('-', ' '),
				agency.name().en(), agency.name().ar()));
	}

}
