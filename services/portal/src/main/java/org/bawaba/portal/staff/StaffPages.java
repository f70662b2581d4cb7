package org.bawaba.portal.staff;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.application.ApplicationRecord;
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
 * Agency staff's work: the landing page of their agency's work, and its applications queue, where
 * an application is taken, reviewed, asked about, approved or rejected, and completed. The
 * e-services service shows staff only their own agency's applications.
 */
@Controller
@RequestMapping("/{lang:en|ar}/staff")
class StaffPages {

	/** The moves staff make, as e-services names them. */
	private static final Set<String> ACTIONS = Set.of("assign", "start-review", "request-info", "approve", "reject",
			"complete");

	private final Backend backend;

	private final ApplicationRecord record;

	StaffPages(Backend backend, ApplicationRecord record) {
		this.backend = backend;
		this.record = record;
	}

	@GetMapping
	String home(@RequestParam(defaultValue = "") String status, Model model) {
		Viewer viewer = Viewer.required();
		if (!viewer.staff()) {
			return "staff/not-staff";
		}
		model.addAttribute("status", status);
		model.addAttribute("queue", backend.eservices()
			.get()
			.uri(uri -> uri.path("/queue").queryParamIfPresent("status",
					status.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(status)).queryParam("size", 50).build())
			.retrieve()
			.body(Backend.OBJECT));
		return "staff/home";
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		Viewer.required();
		record.addTo(model, id);
		return "staff/application";
	}

	@PostMapping("/applications/{id}/{action}")
	String act(@PathVariable String lang, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(defaultValue = "") String message, Model model, HttpServletResponse response) {
		Viewer.required();
		if (!ACTIONS.contains(action)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		Map<String, Object> body = switch (action) {
			case "request-info", "reject" -> Map.of("message", message);
			default -> Map.of();
		};
		try {
			backend.eservices().post().uri("/applications/{id}/{action}", id, action).body(body).retrieve().toBodilessEntity();
			return "redirect:/" + lang + "/staff/applications/" + id + "?done=staff.done." + action;
		}
		catch (HttpClientErrorException refused) {
			Problem problem = Problem.of(refused);
			model.addAttribute("problem", problem);
			response.setStatus(problem.status());
			return application(id, model);
		}
	}

}
