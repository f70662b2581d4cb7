package org.bawaba.portal.participation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agency's complaints queue (the service gives staff their agency's only): by status or past a
 * deadline, and one complaint with its history, to triage, assign, reply to and resolve.
 */
@Controller
@RequestMapping("/{lang:en|ar}/staff/participation/complaints")
class StaffComplaintPages {

	private final Backend backend;

	private final Submissions submissions;

	StaffComplaintPages(Backend backend, Submissions submissions) {
		this.backend = backend;
		this.submissions = submissions;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean breached,
			Model model) {
		Viewer.required();
		UriComponentsBuilder query = UriComponentsBuilder.fromPath("/complaints").queryParam("size", 100);
		if (!status.isBlank()) {
			query.queryParam("status", status);
		}
		if (breached) {
			query.queryParam("breached", true);
		}
		model.addAttribute("status", status);
		model.addAttribute("breached", breached);
		model.addAttribute("complaints",
				backend.participation().get().uri(query.build().toUriString()).retrieve().body(Backend.LIST));
		return "participation/staff/complaints";
	}

	@GetMapping("/{id}")
	String complaint(@PathVariable UUID id, Model model) {
		Viewer.required();
		model.addAttribute("complaint", backend.participation().get().uri("/complaints/{id}", id).retrieve().body(Backend.OBJECT));
		return "participation/staff/complaint";
	}

	private String refused(UUID id, Problem problem, Model model, HttpServletResponse response) {
		Submissions.refused(problem, model, response);
		return complaint(id, model);
	}

	@PostMapping("/{id}/{action:triage|assign|reply|resolve}")
	String act(@PathVariable String lang, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String assignee,
			@RequestParam(defaultValue = "") String message, Model model, HttpServletResponse response) {
		Viewer.required();
		Map<String, Object> body = new LinkedHashMap<>();
		switch (action) {
			case "assign" -> {
				body.put("assignee", assignee);
				body.put("note", note.isBlank() ? null : note);
			}
			case "triage" -> body.put("note", note.isBlank() ? null : note);
			default -> body.put("message", message);
		}
		Problem refused = submissions.send(backend.participation(), "/complaints/{id}/" + action, body, id);
		if (refused != null) {
			return refused(id, refused, model, response);
		}
		return Submissions.done("/" + lang + "/staff/participation/complaints/" + id,
				"participation.staff.complaint.done." + action, "");
	}

}
