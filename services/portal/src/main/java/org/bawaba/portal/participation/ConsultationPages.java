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
import org.springframework.web.client.HttpClientErrorException;

/** Consultations: the drafts put to the public, their published comments, commenting, replying, support. */
@Controller
@RequestMapping("/{lang:en|ar}/participate/consultations")
class ConsultationPages {

	private final Backend backend;

	private final Submissions submissions;

	ConsultationPages(Backend backend, Submissions submissions) {
		this.backend = backend;
		this.submissions = submissions;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("consultations",
				backend.participation().get().uri("/consultations?size=50").retrieve().body(Backend.LIST));
		return "participation/consultations";
	}

	@GetMapping("/{id}")
	String consultation(@PathVariable UUID id, @RequestParam(required = false) UUID replyTo, Model model) {
		return page(id, replyTo, Map.of(), model);
	}

	@PostMapping("/{id}/comments")
	String comment(@PathVariable String lang, @PathVariable UUID id, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) UUID sectionId, @RequestParam(required = false) UUID parentId,
			Model model, HttpServletResponse response) {
		Viewer.required();
		Map<String, Object> comment = new LinkedHashMap<>();
		comment.put("body", body);
		comment.put("sectionId", sectionId);
		comment.put("parentId", parentId);
		try {
			backend.participation().post().uri("/consultations/{id}/comments", id).body(comment).retrieve().toBodilessEntity();
			return Submissions.done("/" + lang + "/participate/consultations/" + id, "participation.comment.done", "#comments");
		}
		catch (HttpClientErrorException refused) {
			Submissions.refused(submissions.problem(refused), model, response);
			return page(id, parentId, comment, model);
		}
	}

	@PostMapping("/{id}/comments/{commentId}/support")
	String support(@PathVariable String lang, @PathVariable UUID id, @PathVariable UUID commentId,
			Model model, HttpServletResponse response) {
		Viewer.required();
		Problem refused = submissions.send(backend.participation(), "/comments/{id}/support", Map.of(), commentId);
		if (refused == null) {
			return Submissions.done("/" + lang + "/participate/consultations/" + id, "participation.support.done",
					"#c-" + commentId);
		}
		Submissions.refused(refused, model, response);
		return page(id, null, Map.of(), model);
	}

	private String page(UUID id, UUID replyTo, Map<String, ?> typed, Model model) {
		model.addAttribute("consultation",
				backend.participation().get().uri("/consultations/{id}", id).retrieve().body(Backend.OBJECT));
		model.addAttribute("threads",
				CommentThread.of(backend.participation().get().uri("/consultations/{id}/comments", id).retrieve().body(Backend.LIST)));
		model.addAttribute("replyTo", replyTo);
		model.addAttribute("typed", typed);
		return "participation/consultation";
	}

}
