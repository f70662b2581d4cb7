package org.bawaba.portal.participation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.util.UriUtils;

/**
 * A citizen's complaints and suggestions: filing one against an agency, their list, one followed by its
 * tracking number with its history and the agency's replies, reopening or closing it once resolved.
 */
@Controller
@RequestMapping("/{lang:en|ar}/participate/complaints")
class ComplaintPages {

	private final Backend backend;

	private final Submissions submissions;

	ComplaintPages(Backend backend, Submissions submissions) {
		this.backend = backend;
		this.submissions = submissions;
	}

	@GetMapping
	String mine(Model model) {
		Viewer.required();
		model.addAttribute("complaints", backend.participation().get().uri("/complaints?size=100").retrieve().body(Backend.LIST));
		return "participation/complaints";
	}

	/** The tracking-number box: to the complaint's page. */
	@GetMapping("/track")
	String track(@PathVariable String lang, @RequestParam(defaultValue = "") String number) {
		String normalized = number.strip().toUpperCase(Locale.ROOT);
		return "redirect:/" + lang + "/participate/complaints"
				+ (normalized.isEmpty() ? "" : "/" + UriUtils.encodePathSegment(normalized, "UTF-8"));
	}

	@GetMapping("/new")
	String form(@RequestParam(defaultValue = "") String agency, Model model) {
		Viewer.required();
		return formPage(Map.of("agency", agency, "kind", "COMPLAINT"), model);
	}

	@PostMapping
	String file(@PathVariable String lang, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Viewer.required();
		Map<String, Object> complaint = new LinkedHashMap<>();
		complaint.put("kind", blankToNull(form.get("kind")));
		complaint.put("agency", form.getOrDefault("agency", ""));
		complaint.put("subject", form.getOrDefault("subject", ""));
		complaint.put("description", form.getOrDefault("description", ""));
		try {
			Map<String, Object> filed = backend.participation().post().uri("/complaints").body(complaint).retrieve().body(Backend.OBJECT);
			return "redirect:/" + lang + "/participate/complaints/" + filed.get("trackingNumber") + "?filed";
		}
		catch (HttpClientErrorException refused) {
			Submissions.refused(submissions.problem(refused), model, response);
			return formPage(form, model);
		}
	}

	@GetMapping("/{number}")
	String complaint(@PathVariable String number, Model model) {
		Viewer.required();
		return page(byNumber(number), model);
	}

	@PostMapping("/{number}/{action:reopen|close}")
	String act(@PathVariable String lang, @PathVariable String number, @PathVariable String action,
			@RequestParam(defaultValue = "") String message, Model model, HttpServletResponse response) {
		Viewer.required();
		Map<String, Object> complaint = byNumber(number);
		Map<String, String> body = "reopen".equals(action) ? Map.of("message", message) : Map.of();
		Problem refused = submissions.send(backend.participation(), "/complaints/{id}/" + action, body, complaint.get("id"));
		if (refused == null) {
			return Submissions.done("/" + lang + "/participate/complaints/" + UriUtils.encodePathSegment(number, "UTF-8"),
					"participation.complaint.done." + action, "");
		}
		Submissions.refused(refused, model, response);
		return page(complaint, model);
	}

	private Map<String, Object> byNumber(String number) {
		return backend.participation().get().uri("/complaints/tracking/{number}", number).retrieve().body(Backend.OBJECT);
	}

	private String page(Map<String, Object> complaint, Model model) {
		model.addAttribute("complaint", complaint);
		return "participation/complaint";
	}

	private String formPage(Map<String, String> typed, Model model) {
		List<Map<String, Object>> agencies = backend.participation().get().uri("/agencies").retrieve().body(Backend.LIST);
		model.addAttribute("agencies", agencies);
		model.addAttribute("typed", typed);
		return "participation/complaint-form";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
