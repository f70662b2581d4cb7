package org.bawaba.participation.consultation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bawaba.participation.consultation.Consultation.Comment;
import org.bawaba.participation.consultation.Consultation.Hide;
import org.bawaba.participation.consultation.Consultation.NewComment;
import org.bawaba.participation.consultation.Consultation.NewConsultation;
import org.bawaba.participation.consultation.Consultation.Report;
import org.bawaba.participation.shared.Callers;
import org.bawaba.platform.security.Caller;
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
@Tag(name = "Consultations", description = "Agencies publish drafts for comment; citizens comment, reply and support; staff moderate and publish a response report")
class ConsultationController {

	private final ConsultationService service;

	ConsultationController(ConsultationService service) {
		this.service = service;
	}

	@PostMapping("/consultations")
	@Operation(summary = "Publish a draft with sections and a comment period (staff, for their agency)")
	ResponseEntity<Consultation> create(@Valid @RequestBody NewConsultation request, Caller caller) {
		Consultation created = service.create(caller, request);
		return ResponseEntity.created(URI.create("/consultations/" + created.id())).body(created);
	}

	@GetMapping("/consultations")
	@Operation(summary = "Consultations, newest first (anyone)")
	List<Consultation> list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return service.list(agency, page, size);
	}

	@GetMapping("/consultations/{id}")
	@Operation(summary = "One consultation with its sections and, at the end, its response report (anyone)")
	Consultation get(@PathVariable UUID id) {
		return service.get(id);
	}

	@GetMapping("/consultations/{id}/comments")
	@Operation(summary = "The comments and replies, oldest first; hidden ones marked with the moderator's reason (anyone)")
	List<Comment> comments(@PathVariable UUID id) {
		return service.comments(id, Callers.current().orElse(null));
	}

	@PostMapping("/consultations/{id}/comments")
	@Operation(summary = "Comment on the draft or a section, or reply to a comment (citizens, during the comment period)")
	ResponseEntity<Comment> comment(@PathVariable UUID id, @Valid @RequestBody NewComment request, Caller caller) {
		Comment comment = service.comment(caller, id, request);
		return ResponseEntity.created(URI.create("/consultations/" + id + "/comments")).body(comment);
	}

	@PostMapping("/comments/{id}/support")
	@Operation(summary = "Support a comment, once (citizens)")
	Comment support(@PathVariable UUID id, Caller caller) {
		return service.support(caller, id);
	}

	@PostMapping("/comments/{id}/hide")
	@Operation(summary = "Hide a comment with a reason in English and Arabic (staff of the consultation's agency)")
	Comment hide(@PathVariable UUID id, @Valid @RequestBody Hide request, Caller caller) {
		return service.hide(caller, id, request.reason());
	}

	@PostMapping("/consultations/{id}/report")
	@Operation(summary = "Publish the response report after the comment period (staff of its agency), once")
	Consultation report(@PathVariable UUID id, @Valid @RequestBody Report request, Caller caller) {
		return service.publishReport(caller, id, request.report());
	}

}
