package org.bawaba.portal.procurement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.multipart.MultipartFile;

/**
 * A supplier's pages: the business's profile (register or edit), the categories it hears about and
 * the open tenders in them, clarification questions, sealed bids (submit, replace, withdraw) with
 * their signed receipts, and its bids on every tender. The procurement service decides what a
 * supplier may do and when (deadlines, one profile per business).
 */
@Controller
@RequestMapping("/{lang:en|ar}/supplier")
class SupplierPages {

	private final Procurement procurement;

	SupplierPages(Procurement procurement) {
		this.procurement = procurement;
	}

	@GetMapping({ "", "/" })
	String home(Model model) {
		Viewer.required();
		Map<String, Object> profile = profile();
		List<Map<String, Object>> categories = procurement.categories();
		model.addAttribute("profile", profile);
		model.addAttribute("categories", categories);
		model.addAttribute("names", Procurement.byCode(categories));
		model.addAttribute("tenders", profile == null ? List.of() : subscribedTenders(profile));
		return "procurement/supplier";
	}

	@GetMapping("/profile")
	String profileForm(Model model) {
		Viewer.required();
		Map<String, Object> profile = profile();
		return profilePage(profile, profile == null ? Map.of() : ProfileForm.values(profile), model);
	}

	@PostMapping("/profile")
	String saveProfile(@PathVariable String lang, @RequestParam MultiValueMap<String, String> form, Model model) {
		Viewer.required();
		Map<String, Object> profile = profile();
		try {
			var request = profile == null ? procurement.client().post().uri("/suppliers")
					: procurement.client().put().uri("/suppliers/me");
			request.body(ProfileForm.request(form)).retrieve().toBodilessEntity();
		}
		catch (HttpClientErrorException refused) {
			model.addAttribute("problem", Problem.of(refused));
			return profilePage(profile, ProfileForm.echo(form), model);
		}
		return Outcome.redirect("/" + lang + "/supplier", "procurement.supplier.saved", "");
	}

	@PostMapping("/subscriptions")
	String subscribe(@PathVariable String lang, @RequestParam(name = "categories", required = false) List<String> categories,
			Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> client.put()
			.uri("/suppliers/me/subscriptions")
			.body(Map.of("categories", categories == null ? List.of() : categories))
			.retrieve()
			.toBodilessEntity(), procurement.client());
		if (problem != null) {
			model.addAttribute("problem", problem);
			return home(model);
		}
		return Outcome.redirect("/" + lang + "/supplier", "procurement.supplier.subscribed", "");
	}

	/** The supplier's bid on a tender: its receipt, and the form to submit, replace or withdraw it. */
	@GetMapping("/tenders/{id}/bid")
	String bid(@PathVariable UUID id, Model model) {
		Viewer.required();
		model.addAttribute("tender", procurement.tender(id));
		List<Map<String, Object>> bids = procurement.list("/tenders/{id}/bids", id);
		model.addAttribute("bids", bids);
		model.addAttribute("active", bids.stream().filter(bid -> "ACTIVE".equals(bid.get("status"))).findFirst()
			.orElse(null));
		return "procurement/bid";
	}

	@PostMapping("/tenders/{id}/bid")
	String submitBid(@PathVariable String lang, @PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "QAR") String currency, @RequestParam(defaultValue = "") String replaces,
			@RequestParam(name = "document", required = false) MultipartFile document, Model model)
			throws IOException {
		Viewer.required();
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("amount", Forms.amount(amount));
		content.put("currency", currency.strip());
		if (document != null && !document.isEmpty()) {
			content.put("documents", List.of(Map.of("name", String.valueOf(document.getOriginalFilename()),
					"mediaType", document.getContentType() == null ? "application/octet-stream" : document.getContentType(),
					"content", Base64.getEncoder().encodeToString(document.getBytes()))));
		}
		boolean replacing = !replaces.isBlank();
		Problem problem = Outcome.attempt(client -> (replacing
				? client.put().uri("/tenders/{id}/bids/{bid}", id, UUID.fromString(replaces))
				: client.post().uri("/tenders/{id}/bids", id))
			.body(content)
			.retrieve()
			.toBodilessEntity(), procurement.client());
		return afterBid(lang, id, problem, replacing ? "procurement.bid.replaced" : "procurement.bid.submitted", model);
	}

	@PostMapping("/tenders/{id}/bids/{bidId}/withdraw")
	String withdraw(@PathVariable String lang, @PathVariable UUID id, @PathVariable UUID bidId, Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> client.delete()
			.uri("/tenders/{id}/bids/{bid}", id, bidId)
			.retrieve()
			.toBodilessEntity(), procurement.client());
		return afterBid(lang, id, problem, "procurement.bid.withdrawn", model);
	}

	private String afterBid(String lang, UUID id, Problem problem, String done, Model model) {
		if (problem != null) {
			model.addAttribute("problem", problem);
			return bid(id, model);
		}
		return Outcome.redirect("/" + lang + "/supplier/tenders/" + id + "/bid", done, "");
	}

	@GetMapping("/bids")
	String myBids(Model model) {
		Viewer.required();
		List<Map<String, Object>> bids = procurement.list("/bids/mine");
		Map<Object, Map<String, Object>> tenders = new LinkedHashMap<>();
		bids.forEach(bid -> tenders.computeIfAbsent(bid.get("tenderId"), procurement::tender));
		model.addAttribute("bids", bids);
		model.addAttribute("tenders", tenders);
		return "procurement/bids";
	}

	/** The caller's supplier profile, or null when their business is not registered yet. */
	private Map<String, Object> profile() {
		try {
			return procurement.client().get().uri("/suppliers/me").retrieve().body(Backend.OBJECT);
		}
		catch (HttpClientErrorException.NotFound notRegistered) {
			return null;
		}
	}

	/** The open tenders of every category the supplier subscribed to, the nearest deadline first. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> subscribedTenders(Map<String, Object> profile) {
		List<Map<String, Object>> tenders = new ArrayList<>();
		for (Object category : (List<Object>) profile.getOrDefault("subscriptions", List.of())) {
			tenders.addAll((List<Map<String, Object>>) procurement
				.tenders("PUBLISHED", String.valueOf(category), null, 0, 100)
				.get("items"));
		}
		tenders.sort(Comparator.comparing(tender -> String.valueOf(tender.get("submissionDeadline"))));
		return tenders;
	}

	private String profilePage(Map<String, Object> profile, Map<String, Object> values, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", values);
		model.addAttribute("categories", procurement.categories());
		return "procurement/profile";
	}

}
