package org.bawaba.portal.procurement;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * An agency's tenders, for its staff: drafts and published tenders, a new tender, publishing it,
 * answering clarification questions, and, once the service has opened the bids at the opening time,
 * the opened bids, their evaluation, the award and the contract. The procurement service keeps the
 * bids sealed until then and lets staff act only for their own agency.
 */
@Controller
@RequestMapping("/{lang:en|ar}/staff/tenders")
class StaffTenderPages {

	private final Procurement procurement;

	private final ZoneId zone;

	StaffTenderPages(Procurement procurement, @Value("${portal.zone:Asia/Qatar}") ZoneId zone) {
		this.procurement = procurement;
		this.zone = zone;
	}

	@GetMapping
	String list(Model model) {
		Viewer viewer = Viewer.required();
		model.addAttribute("drafts", procurement.client().get().uri("/tenders/drafts?size=100").retrieve().body(Backend.OBJECT));
		model.addAttribute("tenders", procurement.tenders("", "", viewer.agency(), 0, 100));
		model.addAttribute("names", Procurement.byCode(procurement.categories()));
		return "procurement/staff-tenders";
	}

	@GetMapping("/new")
	String form(Model model) {
		Viewer.required();
		return formPage(Map.of("estimatedValue.currency", "QAR"), model);
	}

	@PostMapping
	String create(@PathVariable String lang, @RequestParam Map<String, String> form, Model model) {
		Viewer.required();
		Map<String, Object> draft;
		try {
			draft = procurement.client().post().uri("/tenders").body(TenderForm.request(form, zone)).retrieve()
				.body(Backend.OBJECT);
		}
		catch (HttpClientErrorException refused) {
			model.addAttribute("problem", Problem.of(refused));
			return formPage(form, model);
		}
		return Outcome.redirect("/" + lang + "/staff/tenders/" + draft.get("id"), "procurement.staff.drafted", "");
	}

	@GetMapping("/{id}")
	String tender(@PathVariable UUID id, Model model) {
		Viewer.required();
		Map<String, Object> tender = procurement.tender(id);
		model.addAttribute("tender", tender);
		model.addAttribute("names", Procurement.byCode(procurement.categories()));
		boolean draft = "DRAFT".equals(tender.get("status"));
		model.addAttribute("clarifications", draft ? List.of() : procurement.list("/tenders/{id}/clarifications", id));
		model.addAttribute("bids", Procurement.OPENED.contains(String.valueOf(tender.get("status")))
				? procurement.list("/tenders/{id}/bids", id) : null);
		return "procurement/staff-tender";
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable String lang, @PathVariable UUID id, Model model) {
		return post(lang, id, "/tenders/{id}/publish", Map.of(), "procurement.staff.published", model);
	}

	@PostMapping("/{id}/clarifications/{question}/answer")
	String answer(@PathVariable String lang, @PathVariable UUID id, @PathVariable UUID question,
			@RequestParam Map<String, String> form, Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> client.post()
			.uri("/tenders/{id}/clarifications/{question}/answer", id, question)
			.body(Map.of("answer", Forms.bilingual(form, "answer")))
			.retrieve()
			.toBodilessEntity(), procurement.client());
		return after(lang, id, problem, "procurement.staff.answered", model);
	}

	@PostMapping("/{id}/evaluation")
	String evaluate(@PathVariable String lang, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			Model model) {
		return post(lang, id, "/tenders/{id}/evaluation", EvaluationForm.request(form), "procurement.staff.evaluated",
				model);
	}

	@PostMapping("/{id}/award")
	String award(@PathVariable String lang, @PathVariable UUID id, @RequestParam Map<String, String> form,
			Model model) {
		model.addAttribute("form", form);
		return post(lang, id, "/tenders/{id}/award",
				Map.of("bidId", Forms.value(form, "bidId"), "justification", Forms.bilingual(form, "justification")),
				"procurement.staff.awarded", model);
	}

	@PostMapping("/{id}/contract")
	String contract(@PathVariable String lang, @PathVariable UUID id, Model model) {
		return post(lang, id, "/tenders/{id}/contract", Map.of(), "procurement.staff.contracted", model);
	}

	private String post(String lang, UUID id, String path, Map<String, ?> body, String done, Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> client.post().uri(path, id).body(body).retrieve().toBodilessEntity(),
				procurement.client());
		return after(lang, id, problem, done, model);
	}

	/** Done: back to the tender's page with the notice; refused: the page at once with the service's message. */
	private String after(String lang, UUID id, Problem problem, String done, Model model) {
		if (problem != null) {
			model.addAttribute("problem", problem);
			return tender(id, model);
		}
		return Outcome.redirect("/" + lang + "/staff/tenders/" + id, done, "");
	}

	private String formPage(Map<String, String> form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("categories", procurement.categories());
		return "procurement/staff-tender-form";
	}

}
