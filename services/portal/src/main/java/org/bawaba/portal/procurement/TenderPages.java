package org.bawaba.portal.procurement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Tenders, open to everyone: the list (open ones first, past ones by their status), and a tender's
 * page with its documents, deadlines, answered clarifications, the bid-opening record and the award,
 * and links to its OCDS releases and record.
 */
@Controller
@RequestMapping("/{lang:en|ar}")
class TenderPages {

	static final int PAGE_SIZE = 20;

	/** The statuses a visitor can filter by; PUBLISHED (taking questions and bids) is "open". */
	static final List<String> STATUSES = List.of("PUBLISHED", "OPENED", "EVALUATED", "AWARDED", "CONTRACTED",
			"CANCELLED");

	/** Every status but drafts. */
	static final String ALL = "ALL";

	private final Procurement procurement;

	TenderPages(Procurement procurement) {
		this.procurement = procurement;
	}

	@GetMapping("/tenders")
	String tenders(@RequestParam(defaultValue = "PUBLISHED") String status,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "0") int page, Model model) {
		String picked = STATUSES.contains(status) || ALL.equals(status) ? status : "PUBLISHED";
		List<Map<String, Object>> categories = procurement.categories();
		model.addAttribute("status", picked);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("category", category);
		model.addAttribute("categories", categories);
		model.addAttribute("names", Procurement.byCode(categories));
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("tenders", procurement.tenders(ALL.equals(picked) ? "" : picked, category, null, Math.max(page, 0), PAGE_SIZE));
		return "procurement/tenders";
	}

	@GetMapping("/tenders/{id}")
	String tender(@PathVariable UUID id, Model model) {
		Map<String, Object> tender = procurement.tender(id);
		model.addAttribute("tender", tender);
		model.addAttribute("names", Procurement.byCode(procurement.categories()));
		model.addAttribute("clarifications", procurement.list("/tenders/{id}/clarifications", id));
		model.addAttribute("opening", opening(tender));
		Viewer viewer = Viewer.current();
		model.addAttribute("canBid", viewer != null && viewer.supplier() && "PUBLISHED".equals(tender.get("status")));
		return "procurement/tender";
	}

	/** A supplier's question; the agency answers it for everyone, without the asker's name. */
	@PostMapping("/tenders/{id}/clarifications")
	String ask(@PathVariable String lang, @PathVariable UUID id, @RequestParam(defaultValue = "") String question,
			Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> client.post()
			.uri("/tenders/{id}/clarifications", id)
			.body(Map.of("question", question))
			.retrieve()
			.toBodilessEntity(), procurement.client());
		if (problem != null) {
			model.addAttribute("problem", problem);
			model.addAttribute("question", question);
			return tender(id, model);
		}
		return Outcome.redirect("/" + lang + "/tenders/" + id, "procurement.clarification.asked", "#clarifications");
	}

	/** The public bid-opening record, once the bids are opened. */
	private Map<String, Object> opening(Map<String, Object> tender) {
		if (!Procurement.OPENED.contains(String.valueOf(tender.get("status")))) {
			return null;
		}
		try {
			return procurement.client().get().uri("/tenders/{id}/opening", tender.get("id")).retrieve().body(Backend.OBJECT);
		}
		catch (HttpClientErrorException notYet) {
			return null;
		}
	}

}
