package org.bawaba.participation.poll;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bawaba.participation.poll.PollRequests.NewPoll;
import org.bawaba.participation.poll.PollRequests.Receipt;
import org.bawaba.participation.poll.PollRequests.ReceiptCheck;
import org.bawaba.participation.poll.PollRequests.Vote;
import org.bawaba.participation.shared.Callers;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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
@Tag(name = "Polls", description = "Agencies run polls; signed-in citizens vote once, by secret ballot, and check their receipt")
class PollController {

	private final PollService service;

	PollController(PollService service) {
		this.service = service;
	}

	@PostMapping("/polls")
	@Operation(summary = "Create a poll for the caller's agency (staff); it opens and closes by itself at the given times")
	ResponseEntity<Poll> create(@Valid @RequestBody NewPoll request, Caller caller) {
		Poll poll = service.create(caller, request);
		return ResponseEntity.created(URI.create("/polls/" + poll.id())).body(poll);
	}

	@GetMapping("/polls")
	@Operation(summary = "Polls, newest first: open, upcoming or past (closed) ones, of one agency or all")
	List<Poll> list(@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable @Pattern(regexp = "OPEN|UPCOMING|CLOSED") String state,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return service.list(agency, state, page, size);
	}

	@GetMapping("/polls/{id}")
	@Operation(summary = "One poll; \"voted\" tells a signed-in caller whether they have voted")
	Poll get(@PathVariable UUID id) {
		return service.get(id, Callers.current().orElse(null));
	}

	@PostMapping("/polls/{id}/votes")
	@Operation(summary = "Vote (citizens in the poll's audience, while it is open): 201 with a receipt, shown this once; a repeat answers 200 without one and counts nothing")
	ResponseEntity<Receipt> vote(@PathVariable UUID id, @Valid @RequestBody Vote vote, Caller caller) {
		Receipt receipt = service.vote(caller, id, vote.optionIds());
		return ResponseEntity.status(receipt.firstVote() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
	}

	@GetMapping("/polls/{id}/receipts/{receipt}")
	@Operation(summary = "Check that the ballot with this receipt was counted (it does not tell the choice)")
	ReceiptCheck receipt(@PathVariable UUID id, @PathVariable String receipt) {
		String normalized = receipt.trim().toUpperCase(java.util.Locale.ROOT);
		if (!service.counted(id, normalized)) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "receipt-not-found");
		}
		return new ReceiptCheck(id, normalized, true);
	}

	@GetMapping("/polls/{id}/results")
	@Operation(summary = "Results: ballots and percentages per option; 409 until closing for polls whose results are hidden until then; counts null when too few voted")
	Results results(@PathVariable UUID id) {
		return service.results(id);
	}

	@PostMapping("/polls/{id}/close")
	@Operation(summary = "Close a poll early (staff of its agency); publishes its results")
	Poll close(@PathVariable UUID id, Caller caller) {
		return service.closeEarly(caller, id);
	}

}
