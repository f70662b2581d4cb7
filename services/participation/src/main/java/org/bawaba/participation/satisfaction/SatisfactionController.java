package org.bawaba.participation.satisfaction;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bawaba.participation.satisfaction.Satisfaction.Answer;
import org.bawaba.participation.satisfaction.Satisfaction.Indicator;
import org.bawaba.participation.satisfaction.Satisfaction.Invitation;
import org.bawaba.participation.satisfaction.Satisfaction.NewSurvey;
import org.bawaba.participation.satisfaction.Satisfaction.Published;
import org.bawaba.participation.satisfaction.Satisfaction.Survey;
import org.bawaba.participation.satisfaction.Satisfaction.SurveyResults;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Satisfaction", description = "Surveys after completed online services, standalone surveys, and the published satisfaction indicator")
class SatisfactionController {

	private final SatisfactionService service;

	SatisfactionController(SatisfactionService service) {
		this.service = service;
	}

	@GetMapping("/satisfaction/invitations")
	@Operation(summary = "The caller's invitations to rate a completed service, answered or not (citizens)")
	List<Invitation> invitations(Caller caller) {
		return service.invitations(caller);
	}

	@PostMapping("/satisfaction/invitations/{id}/answer")
	@Operation(summary = "Answer an invitation once: score 1-5 (4 and 5 are satisfied) and an optional comment")
	Invitation answer(@PathVariable UUID id, @Valid @RequestBody Answer answer, Caller caller) {
		return service.answer(caller, id, answer.score(), answer.comment());
	}

	@GetMapping("/satisfaction/indicator")
	@Operation(summary = "The share of citizens satisfied with their last online service, per agency and per service, for a month YYYY-MM (anyone)")
	List<Indicator> indicator(@RequestParam String month, @RequestParam(required = false) @Nullable String agency) {
		return service.indicators(service.month(month), agency);
	}

	@PostMapping("/satisfaction/publish")
	@Operation(summary = "Publish a month's indicators as events (platform admins; a job does it on the 1st of each month)")
	Published publish(@RequestParam String month, Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		return new Published(month, service.publish(service.month(month)));
	}

	@PostMapping("/surveys")
	@Operation(summary = "Create a standalone survey (staff, for their agency)")
	ResponseEntity<Survey> createSurvey(@Valid @RequestBody NewSurvey request, Caller caller) {
		Survey survey = service.createSurvey(caller, request);
		return ResponseEntity.created(URI.create("/surveys/" + survey.id())).body(survey);
	}

	@GetMapping("/surveys")
	@Operation(summary = "Standalone surveys (anyone)")
	List<Survey> surveys(@RequestParam(required = false) @Nullable String agency) {
		return service.surveys(agency);
	}

	@GetMapping("/surveys/{id}")
	@Operation(summary = "One standalone survey (anyone)")
	Survey survey(@PathVariable UUID id) {
		return service.survey(id);
	}

	@PostMapping("/surveys/{id}/responses")
	@Operation(summary = "Answer a standalone survey once while it is open (citizens)")
	ResponseEntity<Void> respond(@PathVariable UUID id, @Valid @RequestBody Answer answer, Caller caller) {
		service.respond(caller, id, answer.score(), answer.comment());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/surveys/{id}/results")
	@Operation(summary = "A standalone survey's results: answers per score, average, share satisfied (anyone)")
	SurveyResults results(@PathVariable UUID id) {
		return service.results(id);
	}

}
