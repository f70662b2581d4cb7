package org.bawaba.auth.agency;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Agencies", description = "Onboarding agencies onto the platform: their group, staff and service clients")
class AgencyController {

	private final AgencyRepository agencies;

	private final AgencyOnboarding onboarding;

	AgencyController(AgencyRepository agencies, AgencyOnboarding onboarding) {
		this.agencies = agencies;
		this.onboarding = onboarding;
	}

	@GetMapping("/agencies")
	@Operation(summary = "The onboarded agencies and their services (no sign-in; the gateway routes by it)")
	List<Agency> list() {
		return agencies.findAll();
	}

	@GetMapping("/agencies/{code}")
	@Operation(summary = "One onboarded agency")
	Agency get(@PathVariable @Pattern(regexp = AgencyRequest.CODE) String code) {
		return agencies.find(code)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "agency-not-found", code));
	}

	@PutMapping("/agencies/{code}")
	@Operation(summary = "Onboard an agency, or converge it to this description (platform admins). "
			+ "Answers the secrets of the clients it created, once; 201 when the agency is new")
	ResponseEntity<OnboardingResult> onboard(@PathVariable @Pattern(regexp = AgencyRequest.CODE) String code,
			@Valid @RequestBody AgencyRequest request, Caller caller) {
		OnboardingResult result = onboarding.onboard(caller, code, request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
	}

	@PostMapping("/agencies/{code}/services/{service}/secret")
	@Operation(summary = "Rotate a service client's secret (platform admins, the agency's admins); answered once")
	ClientCredentials rotate(@PathVariable @Pattern(regexp = AgencyRequest.CODE) String code,
			@PathVariable @Pattern(regexp = AgencyRequest.SERVICE_NAME) String service, Caller caller) {
		return onboarding.rotateSecret(caller, code, service);
	}

	@PostMapping("/agencies/{code}/staff")
	@Operation(summary = "Make a person staff or admin of the agency, inviting them when they have no account "
			+ "(platform admins, the agency's admins)")
	StaffAssignment assign(@PathVariable @Pattern(regexp = AgencyRequest.CODE) String code,
			@Valid @RequestBody StaffRequest request, Caller caller) {
		return onboarding.assignStaff(caller, code, request);
	}

	@DeleteMapping("/agencies/{code}")
	@Operation(summary = "Offboard an agency: its clients are disabled and the gateway stops routing to it "
			+ "(platform admins); onboarding it again re-enables it")
	ResponseEntity<Void> offboard(@PathVariable @Pattern(regexp = AgencyRequest.CODE) String code, Caller caller) {
		onboarding.offboard(caller, code);
		return ResponseEntity.noContent().build();
	}

}
