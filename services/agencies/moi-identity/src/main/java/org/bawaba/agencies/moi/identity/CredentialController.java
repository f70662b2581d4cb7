package org.bawaba.agencies.moi.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.bawaba.contracts.agency.CredentialIssuedV1;
import org.bawaba.platform.events.outbox.EventPublisher;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens read their own credentials; the ministry's staff and its own systems (its service client,
 * role {@code agency-service} with the ministry's {@code agency} claim) issue them, each issue published
 * as {@code org.bawaba.agency.credential.issued.v1} through the outbox.
 */
@RestController
class CredentialController {

	private final CredentialRepository credentials;

	private final EventPublisher events;

	private final String agency;

	private final Clock clock;

	CredentialController(CredentialRepository credentials, EventPublisher events,
			@Value("${bawaba.agency}") String agency, ObjectProvider<Clock> clock) {
		this.credentials = credentials;
		this.events = events;
		this.agency = agency;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/credentials")
	List<Credential> mine(Caller caller) {
		return credentials.ofCitizen(caller.subject());
	}

	@GetMapping("/credentials/{id}")
	Credential get(@PathVariable UUID id, Caller caller) {
		Credential credential = credentials.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "credential-not-found", id));
		if (!isMinistry(caller)) {
			// another person's credential is not found, rather than forbidden: its existence is private too
			if (!caller.subject().equals(credential.citizen())) {
				throw new ProblemException(HttpStatus.NOT_FOUND, "credential-not-found", id);
			}
		}
		return credential;
	}

	@PostMapping("/credentials")
	@Transactional
	ResponseEntity<Credential> issue(@Valid @RequestBody CredentialRequest request, Caller caller) {
		if (!isMinistry(caller)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-other-agency");
		}
		if (!request.expiresOn().isAfter(request.issuedOn())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-value", "expiresOn");
		}
		Instant now = clock.instant();
		Credential credential = new Credential(UUID.randomUUID(), request.citizen(), request.type(), request.number(),
				request.issuedOn(), request.expiresOn(), now, null);
		if (!credentials.insert(credential)) {
			throw new ProblemException(HttpStatus.CONFLICT, "credential-number-taken", request.number());
		}
		events.publish(new CredentialIssuedV1(credential.id(), agency, credential.citizen(), credential.type(),
				credential.issuedOn(), credential.expiresOn(), now));
		return ResponseEntity.created(URI.create("/credentials/" + credential.id())).body(credential);
	}

	/** The ministry's staff, or one of its own systems. */
	private boolean isMinistry(Caller caller) {
		return agency.equals(caller.agency()) && (caller.isAgencyStaff() || caller.hasRole("agency-service"));
	}

}
