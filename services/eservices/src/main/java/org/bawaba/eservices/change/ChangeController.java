package org.bawaba.eservices.change;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.bawaba.contracts.eservices.ChangeKind;
import org.bawaba.eservices.web.InvalidInputException;
import org.bawaba.eservices.web.Messages;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tell us once. Citizens report a change of address or phone and follow each agency's answer; the
 * subscribed agencies' own systems (role {@code agency-service}) and staff read the new value.
 */
@RestController
class ChangeController {

	static final String AGENCY_SERVICE = "agency-service";

	private final ChangeService changes;

	private final Messages messages;

	ChangeController(ChangeService changes, Messages messages) {
		this.changes = changes;
		this.messages = messages;
	}

	@PostMapping("/me/changes")
	ResponseEntity<Change> report(@Valid @RequestBody ChangeRequest request, Caller caller) {
		caller.requireRole(Roles.CITIZEN);
		if (request.kind() == ChangeKind.ADDRESS && (request.address() == null || request.phone() != null)) {
			throw new InvalidInputException(List.of(messages.field("address", "change.address.required")));
		}
		if (request.kind() == ChangeKind.PHONE && (request.phone() == null || request.address() != null)) {
			throw new InvalidInputException(List.of(messages.field("phone", "change.phone.required")));
		}
		Change change = changes.report(caller.subject(), request);
		return ResponseEntity.created(URI.create("/me/changes/" + change.id())).body(change);
	}

	@GetMapping("/me/changes")
	List<Change> mine(Caller caller) {
		return changes.ofCitizen(caller.subject());
	}

	@GetMapping("/me/changes/{id}")
	Change mine(@PathVariable UUID id, Caller caller) {
		return changes.ofCitizen(caller.subject(), id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "change-not-found", id));
	}

	/**
	 * The new value, for an agency asked to update its records: its own systems ({@code agency-service}) or
	 * its staff. 404 for an unknown change, 403 for an agency that was not asked.
	 */
	@GetMapping("/changes/{id}")
	ForAgency forAgency(@PathVariable UUID id, Caller caller) {
		if (!caller.hasRole(AGENCY_SERVICE) && !caller.isAgencyStaff()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		ChangeRepository.Report report = changes.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "change-not-found", id));
		if (caller.agency() == null || !changes.agenciesAsked(id).contains(caller.agency())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-other-agency");
		}
		ChangeRequest value = changes.newValue(report);
		return new ForAgency(report.id(), report.citizen(), report.kind(), value.address(), value.phone(),
				report.reportedAt());
	}

	/**
	 * What an agency reads of a change.
	 *
	 * @param id the change
	 * @param citizenSubject whose change (Keycloak {@code sub})
	 * @param kind what changed
	 * @param address the new address (kind ADDRESS)
	 * @param phone the new phone (kind PHONE)
	 * @param reportedAt when the citizen reported it
	 */
	record ForAgency(UUID id, String citizenSubject, ChangeKind kind, ChangeRequest.Address address, String phone,
			Instant reportedAt) {
	}

}
