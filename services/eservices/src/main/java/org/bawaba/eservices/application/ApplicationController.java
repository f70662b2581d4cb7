package org.bawaba.eservices.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.eservices.catalogue.Page;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Applications", description = "Citizens apply and track their own applications; agency staff work their agency's queue")
class ApplicationController {

	private final ApplicationService service;

	private final ApplicationRepository applications;

	ApplicationController(ApplicationService service, ApplicationRepository applications) {
		this.service = service;
		this.applications = applications;
	}

	@PostMapping("/applications")
	@Operation(summary = "Apply for a service (citizens): a draft, or submitted at once with \"submit\": true")
	ResponseEntity<Application> create(@Valid @RequestBody Requests.NewApplication request, Caller caller) {
		Application created = service.create(caller, request);
		return ResponseEntity.created(URI.create("/applications/" + created.id())).body(created);
	}

	@GetMapping("/applications")
	@Operation(summary = "The caller's own applications (citizens)")
	Page<Application> mine(@RequestParam(required = false) @Nullable ApplicationStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		caller.requireRole(Roles.CITIZEN);
		return applications.mine(caller.subject(), status, page, size);
	}

	@GetMapping("/queue")
	@Operation(summary = "The work queue of the caller's agency (staff): submitted applications, filtered; assignee=\"\" for unassigned")
	Page<Application> queue(@RequestParam(required = false) @Nullable ApplicationStatus status,
			@RequestParam(required = false) @Nullable String serviceCode,
			@RequestParam(required = false) @Nullable String assignee,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		if (!caller.isAgencyStaff() || caller.agency() == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		return applications.queue(caller.agency(), status, serviceCode, assignee, page, size);
	}

	@GetMapping("/applications/{id}")
	@Operation(summary = "One application: for its applicant and its agency's staff only (404 for anyone else); "
			+ "an integrated service's application shows one status per agency's step")
	ApplicationView get(@PathVariable UUID id, Caller caller) {
		return service.view(caller, id); // newborn: with its steps
	}

	@GetMapping("/applications/{id}/history")
	@Operation(summary = "Every status change of an application, oldest first")
	List<HistoryEntry> history(@PathVariable UUID id, Caller caller) {
		return applications.history(service.visible(caller, id).id());
	}

	@PutMapping("/applications/{id}/form")
	@Operation(summary = "Replace the form of a draft (its applicant)")
	Application updateForm(@PathVariable UUID id, @Valid @RequestBody Requests.FormData form, Caller caller) {
		return service.updateForm(caller, id, form.formData());
	}

	@PostMapping("/applications/{id}/submit")
	@Operation(summary = "Submit a draft (its applicant): the form is validated, required documents must be attached")
	Application submit(@PathVariable UUID id, Caller caller) {
		return service.move(caller, id, Action.SUBMIT, null);
	}

	@PostMapping("/applications/{id}/answer")
	@Operation(summary = "Answer the agency's request for information (its applicant); back to review")
	Application answer(@PathVariable UUID id, @Valid @RequestBody Requests.Answer answer, Caller caller) {
		return service.answer(caller, id, answer);
	}

	@PostMapping("/applications/{id}/assign")
	@Operation(summary = "Assign an application to a staff member of its agency (the caller when none is given)")
	Application assign(@PathVariable UUID id, @Valid @RequestBody Requests.Assignment assignment, Caller caller) {
		return service.assign(caller, id, assignment.assignee());
	}

	@PostMapping("/applications/{id}/start-review")
	@Operation(summary = "Start reviewing a submitted application (staff); a level-3 fee must be paid first")
	Application startReview(@PathVariable UUID id, Caller caller) {
		return service.move(caller, id, Action.START_REVIEW, null);
	}

	@PostMapping("/applications/{id}/request-info")
	@Operation(summary = "Ask the applicant for more information (staff)")
	Application requestInfo(@PathVariable UUID id, @Valid @RequestBody Requests.Note note, Caller caller) {
		return service.move(caller, id, Action.REQUEST_INFO, note.message());
	}

	@PostMapping("/applications/{id}/approve")
	@Operation(summary = "Approve an application in review (staff)")
	Application approve(@PathVariable UUID id, Caller caller) {
		return service.move(caller, id, Action.APPROVE, null);
	}

	@PostMapping("/applications/{id}/reject")
	@Operation(summary = "Reject an application, with the reason (staff)")
	Application reject(@PathVariable UUID id, @Valid @RequestBody Requests.Note reason, Caller caller) {
		return service.move(caller, id, Action.REJECT, reason.message());
	}

	@PostMapping("/applications/{id}/complete")
	@Operation(summary = "Complete an approved application (staff); the citizen is invited to rate the service")
	Application complete(@PathVariable UUID id, Caller caller) {
		return service.move(caller, id, Action.COMPLETE, null);
	}

}
