package org.bawaba.procurement.tender;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.ProcurementProperties;
import org.bawaba.procurement.web.Callers;
import org.bawaba.procurement.web.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@Tag(name = "Tenders", description = "Agencies draft, publish, amend and cancel tenders; anyone reads them; suppliers ask questions")
class TenderController {

	private final TenderService service;

	private final ProcurementProperties properties;

	TenderController(TenderService service, ProcurementProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@PostMapping("/tenders")
	@Operation(summary = "Draft a tender for the caller's agency (agency staff)")
	ResponseEntity<Tender> create(@Valid @RequestBody Requests.TenderText text, Caller caller) {
		Tender tender = service.create(caller, text);
		return ResponseEntity.created(URI.create("/tenders/" + tender.id())).body(tender);
	}

	@GetMapping("/tenders")
	@Operation(summary = "Published tenders, newest first, filtered; or, with feed=changes, the changes feed: "
			+ "every tender changed after the offset, oldest change first, with next_page.offset to continue")
	Object list(@Parameter(description = "\"changes\" for the changes feed") @RequestParam(required = false)
			@Nullable @Pattern(regexp = "changes") String feed,
			@Parameter(description = "feed position to continue after (next_page.offset of the previous page)")
			@RequestParam(required = false) @Nullable @Pattern(regexp = "^[0-9]{0,18}$") String offset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable TenderStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (feed == null) {
			if (offset != null) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "offset");
			}
			return service.list(agency, category, status, page, size);
		}
		long after = offset == null || offset.isEmpty() ? 0 : Long.parseLong(offset);
		List<TenderRepository.FeedEntry> entries = service.changes(after, limit);
		long next = entries.isEmpty() ? after : entries.getLast().sequence();
		String path = "/tenders?feed=changes&offset=" + next + (limit == 100 ? "" : "&limit=" + limit);
		Map<String, Object> nextPage = new LinkedHashMap<>();
		nextPage.put("offset", String.valueOf(next));
		nextPage.put("path", path);
		nextPage.put("uri", properties.ocds().baseUrl() + path);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", entries.stream().map(TenderRepository.FeedEntry::tender).toList());
		body.put("next_page", nextPage);
		return body;
	}

	@GetMapping("/tenders/drafts")
	@Operation(summary = "The caller's agency's drafts (agency staff)")
	Page<Tender> drafts(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return service.drafts(caller, page, size);
	}

	@GetMapping("/tenders/{id}")
	@Operation(summary = "One tender (drafts only for their agency's staff)")
	Tender get(@PathVariable UUID id) {
		return service.visible(Callers.current(), id);
	}

	@PutMapping("/tenders/{id}")
	@Operation(summary = "Edit a draft (its agency's staff)")
	Tender update(@PathVariable UUID id, @Valid @RequestBody Requests.TenderText text, Caller caller) {
		return service.update(caller, id, text);
	}

	@PostMapping("/tenders/{id}/publish")
	@Operation(summary = "Publish a draft (its agency's staff): version 1, its opening key, an event and an OCDS release")
	Tender publish(@PathVariable UUID id, Caller caller) {
		return service.publish(caller, id);
	}

	@PostMapping("/tenders/{id}/amendments")
	@Operation(summary = "Amend a published tender before its submission deadline (its agency's staff): a new "
			+ "published version; deadlines extended when less than the minimum period would remain")
	Tender amend(@PathVariable UUID id, @Valid @RequestBody Requests.Amendment amendment, Caller caller) {
		return service.amend(caller, id, amendment);
	}

	@PostMapping("/tenders/{id}/cancel")
	@Operation(summary = "Cancel a tender before its award, with a reason (its agency's staff)")
	Tender cancel(@PathVariable UUID id, @Valid @RequestBody Requests.Cancellation cancellation, Caller caller) {
		return service.cancel(caller, id, cancellation.reason());
	}

	@GetMapping("/tenders/{id}/versions")
	@Operation(summary = "The published versions of a tender")
	List<TenderRepository.Version> versions(@PathVariable UUID id) {
		return service.versions(id);
	}

	@GetMapping(path = "/tenders/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A tender as published in one version")
	String version(@PathVariable UUID id, @PathVariable @Min(1) int version) {
		return service.version(id, version);
	}

	@PostMapping("/tenders/{id}/clarifications")
	@Operation(summary = "Ask a question before the clarification deadline (registered suppliers)")
	ResponseEntity<Clarification> ask(@PathVariable UUID id, @Valid @RequestBody Requests.Question question,
			Caller caller) {
		Clarification asked = service.ask(caller, id, question.question());
		return ResponseEntity.status(HttpStatus.CREATED).body(asked);
	}

	@GetMapping("/tenders/{id}/clarifications")
	@Operation(summary = "Answered questions (everyone), unanswered ones too for the agency and the asker; never who asked")
	List<Clarification> clarifications(@PathVariable UUID id) {
		return service.clarifications(Callers.current(), id);
	}

	@PostMapping("/tenders/{id}/clarifications/{clarificationId}/answer")
	@Operation(summary = "Answer a question, in English and Arabic (the agency's staff); published to everyone")
	Clarification answer(@PathVariable UUID id, @PathVariable UUID clarificationId,
			@Valid @RequestBody Requests.Answer answer, Caller caller) {
		return service.answer(caller, id, clarificationId, answer.answer());
	}

	@GetMapping("/categories")
	@Operation(summary = "The procurement categories")
	List<ProcurementProperties.Category> categories() {
		return properties.categories();
	}

}
