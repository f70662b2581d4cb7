package org.bawaba.auth.system;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.bawaba.platform.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Outside systems", description = "Onboarding outside systems to read the platform's public events from Kafka")
class SystemController {

	private final SystemOnboarding onboarding;

	SystemController(SystemOnboarding onboarding) {
		this.onboarding = onboarding;
	}

	@GetMapping("/systems")
	@Operation(summary = "The onboarded outside systems and the topics each reads (platform admins)")
	List<ExternalSystem> list(Caller caller) {
		return onboarding.list(caller);
	}

	@PutMapping("/systems/{id}")
	@Operation(summary = "Onboard an outside system, or converge it to this description (platform admins): "
			+ "its Keycloak client and its Kafka ACLs to read these public topics. Answers how to connect, with "
			+ "the client's secret, once; 201 when the system is new")
	ResponseEntity<OnboardingResult> onboard(@PathVariable @Pattern(regexp = SystemRequest.ID) String id,
			@Valid @RequestBody SystemRequest request, Caller caller) {
		OnboardingResult result = onboarding.onboard(caller, id, request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
	}

	@DeleteMapping("/systems/{id}")
	@Operation(summary = "Offboard an outside system: its ACLs and its client are removed (platform admins)")
	ResponseEntity<Void> offboard(@PathVariable @Pattern(regexp = SystemRequest.ID) String id, Caller caller) {
		onboarding.offboard(caller, id);
		return ResponseEntity.noContent().build();
	}

}
