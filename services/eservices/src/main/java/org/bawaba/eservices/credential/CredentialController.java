package org.bawaba.eservices.credential;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.eservices.application.Application;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credentials", description = "The citizen's credentials, click-to-renew notices and prefilled renewals")
class CredentialController {

	private final Renewals renewals;

	private final RenewalNotices notices;

	CredentialController(Renewals renewals, RenewalNotices notices) {
		this.renewals = renewals;
		this.notices = notices;
	}

	/** The renewal's extra form fields, if any. */
	record RenewalRequest(@Nullable JsonNode formData) {
	}

	@GetMapping("/me/credentials")
	@Operation(summary = "The signed-in person's credentials as the agencies announced them, with their state")
	List<Credential> mine(Caller caller) {
		return renewals.mine(caller);
	}

	@GetMapping("/me/credentials/{id}")
	@Operation(summary = "One of the signed-in person's credentials (404 for anyone else's)")
	Credential one(@PathVariable UUID id, Caller caller) {
		return renewals.mine(caller, id);
	}

	@GetMapping("/me/credentials/{id}/renewal")
	@Operation(summary = "The renewal service and its form prefilled from what the platform knows (409 when renewed or a renewal is open)")
	Renewals.Offer renewal(@PathVariable UUID id, Caller caller) {
		return renewals.offer(caller, id);
	}

	@PostMapping("/me/credentials/{id}/renewal")
	@Operation(summary = "Submit the prefilled renewal, optionally with the remaining form fields")
	ResponseEntity<Application> renew(@PathVariable UUID id, @RequestBody(required = false) @Nullable RenewalRequest request,
			Caller caller) {
		Application application = renewals.submit(caller, id, request == null ? null : request.formData());
		return ResponseEntity.created(URI.create("/applications/" + application.id())).body(application);
	}

	@PostMapping("/credentials/renewal-notices")
	@Operation(summary = "Send the due click-to-renew notices now (platform admins: all agencies or ?agency=; agency staff: their agency's)")
	RenewalNotices.Run sendNotices(@RequestParam(required = false) @Nullable String agency, Caller caller) {
		if (caller.isPlatformAdmin()) {
			return notices.send(agency == null || agency.isBlank() ? null : agency);
		}
		if (!caller.isAgencyStaff() || caller.agency() == null) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
		}
		if (agency != null && !agency.isBlank() && !agency.equals(caller.agency())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-other-agency");
		}
		return notices.send(caller.agency());
	}

}
