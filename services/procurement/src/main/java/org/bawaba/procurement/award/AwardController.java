package org.bawaba.procurement.award;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bawaba.platform.security.Caller;
import org.bawaba.procurement.tender.Tender;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Award", description = "The agency evaluates the opened bids, awards one with a justification, and signs the contract after the standstill period")
class AwardController {

	private final AwardService service;

	AwardController(AwardService service) {
		this.service = service;
	}

	@PostMapping("/tenders/{id}/evaluation")
	@Operation(summary = "Evaluate every opened bid: qualified or not, a score 0-100 and a note (the agency's staff)")
	Tender evaluate(@PathVariable UUID id, @Valid @RequestBody Requests.Evaluation evaluation, Caller caller) {
		return service.evaluate(caller, id, evaluation);
	}

	@PostMapping("/tenders/{id}/award")
	@Operation(summary = "Award the tender to a qualified bid, with a justification in English and Arabic; the standstill period starts")
	Tender award(@PathVariable UUID id, @Valid @RequestBody Requests.Award award, Caller caller) {
		return service.award(caller, id, award);
	}

	@PostMapping("/tenders/{id}/contract")
	@Operation(summary = "Sign the contract of the award, once the standstill period has ended (409 before)")
	Tender sign(@PathVariable UUID id, Caller caller) {
		return service.signContract(caller, id);
	}

}
