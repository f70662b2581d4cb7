package org.bawaba.portal.participation;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Agency staff's e-participation work: their agency's polls (create, close early) and consultations
 * (create, moderate comments). The participation service decides what a member of staff may do and for
 * which agency; these pages only show their agency's things and pass the forms on.
 */
@Controller
@RequestMapping("/{lang:en|ar}/staff/participation")
class StaffParticipationPages {

	private final Backend backend;

	private final Submissions submissions;

	private final ZoneId zone;

	StaffParticipationPages(Backend backend, Submissions submissions, @Value("${portal.zone:Asia/Qatar}") ZoneId zone) {
		this.backend = backend;
		this.submissions = submissions;
		this.zone = zone;
	}

	@GetMapping({ "", "/" })
	String home(Model model) {
		Viewer viewer = Viewer.required();
		String agency = viewer.agency();
		if (viewer.staff() && agency != null) {
			model.addAttribute("polls", list("/polls?agency={agency}&state={state}&size=50", agency, "OPEN"));
			model.addAttribute("upcoming", list("/polls?agency={agency}&state={state}&size=50", agency, "UPCOMING"));
			model.addAttribute("closed", list("/polls?agency={agency}&state={state}&size=20", agency, "CLOSED"));
			model.addAttribute("consultations", list("/consultations?agency={agency}&size=50", agency));
		}
		return "participation/staff/home";
	}

	@GetMapping("/polls/new")
	String pollForm(Model model) {
		Viewer.required();
		return pollFormPage(Map.of("audience", "ALL", "resultsVisibility", "AFTER_CLOSE"), model);
	}

	@PostMapping("/polls")
	String createPoll(@PathVariable String lang, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Viewer.required();
		try {
			backend.participation().post().uri("/polls").body(ParticipationForms.poll(form, zone)).retrieve().toBodilessEntity();
			return Submissions.done("/" + lang + "/staff/participation", "participation.staff.poll.created", "");
		}
		catch (HttpClientErrorException refused) {
			Submissions.refused(submissions.problem(refused), model, response);
			return pollFormPage(form, model);
		}
	}

	@PostMapping("/polls/{id}/close")
	String closePoll(@PathVariable String lang, @PathVariable UUID id, Model model, HttpServletResponse response) {
		Viewer.required();
		Problem refused = submissions.send(backend.participation(), "/polls/{id}/close", Map.of(), id);
		if (refused == null) {
			return Submissions.done("/" + lang + "/staff/participation", "participation.staff.poll.closed", "");
		}
		Submissions.refused(refused, model, response);
		return home(model);
	}

	@GetMapping("/consultations/new")
	String consultationForm(Model model) {
		Viewer.required();
		return consultationFormPage(Map.of(), model);
	}

	@PostMapping("/consultations")
	String createConsultation(@PathVariable String lang, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response) {
		Viewer.required();
		try {
			Map<String, Object> created = backend.participation()
				.post()
				.uri("/consultations")
				.body(ParticipationForms.consultation(form, zone))
				.retrieve()
				.body(Backend.OBJECT);
			return Submissions.done("/" + lang + "/staff/participation/consultations/" + created.get("id"),
					"participation.staff.consultation.created", "");
		}
		catch (HttpClientErrorException refused) {
			Submissions.refused(submissions.problem(refused), model, response);
			return consultationFormPage(form, model);
		}
	}

	/** Moderation: the consultation's comments, each with a way to hide it with a reason in both languages. */
	@GetMapping("/consultations/{id}")
	String moderate(@PathVariable UUID id, Model model) {
		Viewer.required();
		model.addAttribute("consultation",
				backend.participation().get().uri("/consultations/{id}", id).retrieve().body(Backend.OBJECT));
		model.addAttribute("threads", CommentThread.of(list("/consultations/{id}/comments", id)));
		return "participation/staff/moderate";
	}

	@PostMapping("/consultations/{id}/comments/{commentId}/hide")
	String hide(@PathVariable String lang, @PathVariable UUID id, @PathVariable UUID commentId,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		Viewer.required();
		Problem refused = submissions.send(backend.participation(), "/comments/{id}/hide",
				Map.of("reason", ParticipationForms.bilingual(form, "reason")), commentId);
		if (refused == null) {
			return Submissions.done("/" + lang + "/staff/participation/consultations/" + id, "participation.staff.hidden",
					"#c-" + commentId);
		}
		Submissions.refused(refused, model, response);
		return moderate(id, model);
	}

	private String pollFormPage(Map<String, String> typed, Model model) {
		model.addAttribute("typed", typed);
		model.addAttribute("optionRows", ParticipationForms.OPTION_ROWS);
		return "participation/staff/poll-form";
	}

	private String consultationFormPage(Map<String, String> typed, Model model) {
		model.addAttribute("typed", typed);
		model.addAttribute("sectionRows", ParticipationForms.SECTION_ROWS);
		return "participation/staff/consultation-form";
	}

	private List<Map<String, Object>> list(String path, Object... variables) {
		return backend.participation().get().uri(path, variables).retrieve().body(Backend.LIST);
	}

}
