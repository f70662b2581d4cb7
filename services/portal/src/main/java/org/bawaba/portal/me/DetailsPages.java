package org.bawaba.portal.me;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.application.SchemaForm;
import org.bawaba.portal.web.Lang;
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

/**
 * What the person controls about themselves: a new address or phone told once to every agency
 * (and how each answered), their contact details and notification preferences, and the documents
 * agencies issued them, with "click to renew" on those about to expire.
 */
@Controller
@RequestMapping("/{lang:en|ar}")
class DetailsPages {

	static final List<String> CHANNELS = List.of("INBOX", "EMAIL", "SMS");

	private final Backend backend;

	DetailsPages(Backend backend) {
		this.backend = backend;
	}

	@GetMapping("/me")
	String me(Model model) {
		Viewer.required();
		model.addAttribute("changes", backend.eservices().get().uri("/me/changes").retrieve().body(Backend.LIST));
		model.addAttribute("credentials", backend.eservices().get().uri("/me/credentials").retrieve().body(Backend.LIST));
		model.addAttribute("contact", backend.notifications().get().uri("/me/contact").retrieve().body(Backend.OBJECT));
		model.addAttribute("preferences",
				backend.notifications().get().uri("/me/preferences").retrieve().body(Backend.OBJECT));
		model.addAttribute("channels", CHANNELS);
		return "me/details";
	}

	/** Tell us once: a new address. */
	@PostMapping("/me/address")
	String address(@PathVariable String lang, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		Map<String, Object> address = new LinkedHashMap<>();
		for (String field : List.of("line1", "line2", "city", "postalCode")) {
			String value = form.getOrDefault(field, "").strip();
			if (!value.isEmpty()) {
				address.put(field, value);
			}
		}
		return send(lang, () -> backend.eservices()
			.post()
			.uri("/me/changes")
			.body(Map.of("kind", "ADDRESS", "address", address))
			.retrieve()
			.toBodilessEntity(), "me.address.sent", model, response);
	}

	@PostMapping("/me/contact")
	String contact(@PathVariable String lang, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String locale,
			Model model, HttpServletResponse response) {
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("email", email.isBlank() ? null : email.strip());
		contact.put("phone", phone.isBlank() ? null : phone.strip());
		contact.put("locale", locale.isBlank() ? null : locale);
		return send(lang, () -> backend.notifications().put().uri("/me/contact").body(contact).retrieve().toBodilessEntity(),
				"me.saved", model, response);
	}

	/** Channels per category ({@code <category>=<CHANNEL>} checkboxes), quiet hours, opting out. */
	@PostMapping("/me/preferences")
	String preferences(@PathVariable String lang, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response) {
		Map<String, Object> current = backend.notifications().get().uri("/me/preferences").retrieve().body(Backend.OBJECT);
		Map<String, List<String>> categories = new LinkedHashMap<>();
		if (current.get("categories") instanceof Map<?, ?> known) {
			known.keySet().forEach(category -> {
				List<String> chosen = new ArrayList<>(form.getOrDefault("channel-" + category, List.of()));
				chosen.retainAll(CHANNELS);
				categories.put(String.valueOf(category), chosen);
			});
		}
		Map<String, Object> preferences = new LinkedHashMap<>();
		preferences.put("categories", categories);
		preferences.put("optedOut", "true".equals(form.getFirst("optedOut")));
		String start = form.getFirst("quietStart");
		String end = form.getFirst("quietEnd");
		if (start != null && !start.isBlank() && end != null && !end.isBlank()) {
			preferences.put("quietHours", Map.of("start", start, "end", end, "zone", "Asia/Qatar"));
		}
		return send(lang,
				() -> backend.notifications().put().uri("/me/preferences").body(preferences).retrieve().toBodilessEntity(),
				"me.saved", model, response);
	}

	/** The link of a "click to renew" notice: the renewal, prefilled from what the platform knows. */
	@GetMapping("/renewals/{credentialId}")
	@SuppressWarnings("unchecked")
	String renewal(@PathVariable UUID credentialId, Model model, HttpServletRequest request) {
		Viewer.required();
		model.addAttribute("credential",
				backend.eservices().get().uri("/me/credentials/{id}", credentialId).retrieve().body(Backend.OBJECT));
		Map<String, Object> renewal;
		try {
			renewal = backend.eservices().get().uri("/me/credentials/{id}/renewal", credentialId).retrieve().body(Backend.OBJECT);
		}
		catch (HttpClientErrorException.Conflict settled) {
			// renewed already, or a renewal is open: the link of an older notice leads to where it is now
			model.addAttribute("problem", Problem.of(settled));
			return "me/renewal-settled";
		}
		model.addAttribute("renewal", renewal);
		// the renewal service's form, labelled in the page's language: what is known, and what is still needed
		Map<String, Object> schema = renewal.get("service") instanceof Map<?, ?> service && service.get("form") instanceof Map<?, ?> form
				? (Map<String, Object>) form : null;
		Map<String, Object> known = renewal.get("formData") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of();
		List<?> missing = renewal.get("missing") instanceof List<?> names ? names : List.of();
		List<SchemaForm.Field> fields = SchemaForm.fields(schema, Lang.of(request), known, Map.of());
		model.addAttribute("known", fields.stream().filter(field -> field.value() != null).toList());
		model.addAttribute("missing", fields.stream().filter(field -> missing.contains(field.name())).toList());
		return "me/renewal";
	}

	@PostMapping("/renewals/{credentialId}")
	String renew(@PathVariable String lang, @PathVariable UUID credentialId, @RequestParam Map<String, String> form,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Viewer.required();
		// only what the platform did not know: the prefilled fields cannot be overridden
		Map<String, Object> missing = new LinkedHashMap<>();
		form.forEach((field, value) -> {
			if (field.startsWith("field-") && !value.isBlank()) {
				missing.put(field.substring("field-".length()), value.strip());
			}
		});
		try {
			Map<String, Object> application = backend.eservices()
				.post()
				.uri("/me/credentials/{id}/renewal", credentialId)
				.body(Map.of("formData", missing))
				.retrieve()
				.body(Backend.OBJECT);
			return "redirect:/" + lang + "/applications/" + application.get("id") + "?done=application.submitted";
		}
		catch (HttpClientErrorException refused) {
			Problem problem = Problem.of(refused);
			model.addAttribute("problem", problem);
			response.setStatus(problem.status());
			return renewal(credentialId, model, request);
		}
	}

	private String send(String lang, Runnable call, String done, Model model, HttpServletResponse response) {
		Viewer.required();
		try {
			call.run();
			return "redirect:/" + lang + "/me?done=" + done;
		}
		catch (HttpClientErrorException refused) {
			Problem problem = Problem.of(refused);
			model.addAttribute("problem", problem);
			response.setStatus(problem.status());
			return me(model);
		}
	}

}
