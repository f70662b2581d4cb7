package org.bawaba.portal.participation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Have your say", open to everyone: the landing page, polls (the ballot for a signed-in citizen, the
 * receipt and its check, the results the service lets anyone see).
 */
@Controller
@RequestMapping("/{lang:en|ar}/participate")
class ParticipatePages {

	private static final Set<String> POLL_STATES = Set.of("OPEN", "UPCOMING", "CLOSED");

	private final Backend backend;

	private final Submissions submissions;

	ParticipatePages(Backend backend, Submissions submissions) {
		this.backend = backend;
		this.submissions = submissions;
	}

	@GetMapping({ "", "/" })
	String landing(Model model) {
		model.addAttribute("polls", polls("OPEN", 6));
		model.addAttribute("consultations", consultations().stream().filter(c -> "OPEN".equals(c.get("state"))).toList());
		return "participation/landing";
	}

	@GetMapping("/polls")
	String polls(@RequestParam(defaultValue = "OPEN") String state, Model model) {
		String shown = POLL_STATES.contains(state) ? state : "OPEN";
		model.addAttribute("state", shown);
		model.addAttribute("polls", polls(shown, 50));
		return "participation/polls";
	}

	@GetMapping("/polls/{id}")
	String poll(@PathVariable UUID id, Model model) {
		return pollPage(poll(id), model);
	}

	@PostMapping("/polls/{id}/vote")
	String vote(@PathVariable String lang, @PathVariable UUID id,
			@RequestParam(name = "option", required = false) List<UUID> options, Model model,
			HttpServletResponse response) {
		Viewer.required();
		if (options == null || options.isEmpty()) {
			Submissions.refused(submissions.unanswered("optionIds", "participation.poll.choose.missing"), model, response);
			return pollPage(poll(id), model);
		}
		try {
			Map<String, Object> receipt = backend.participation()
				.post()
				.uri("/polls/{id}/votes", id)
				.body(Map.of("optionIds", options))
				.retrieve()
				.body(Backend.OBJECT);
			return "redirect:" + UriComponentsBuilder.fromPath("/{lang}/participate/polls/{id}/receipt")
				.queryParam("code", receipt.get("receipt"))
				.queryParam("voted", Boolean.TRUE.equals(receipt.get("firstVote")) ? "now" : "before")
				.buildAndExpand(lang, id)
				.toUriString();
		}
		catch (HttpClientErrorException refused) {
			Submissions.refused(submissions.problem(refused), model, response);
			return pollPage(poll(id), model);
		}
	}

	/** Checks a ballot receipt: the service says whether it was counted, never the choice. */
	@GetMapping("/polls/{id}/receipt")
	String receipt(@PathVariable UUID id, @RequestParam(defaultValue = "") String code, Model model) {
		model.addAttribute("poll", poll(id));
		model.addAttribute("code", code.strip());
		if (!code.isBlank()) {
			try {
				backend.participation().get().uri("/polls/{id}/receipts/{code}", id, code.strip()).retrieve().toBodilessEntity();
				model.addAttribute("counted", true);
			}
			catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest notCounted) {
				model.addAttribute("counted", false);
			}
		}
		return "participation/receipt";
	}

	private String pollPage(Map<String, Object> poll, Model model) {
		model.addAttribute("poll", poll);
		boolean resultsMayShow = "CLOSED".equals(poll.get("state"))
				|| "OPEN".equals(poll.get("state")) && "LIVE".equals(poll.get("resultsVisibility"));
		if (resultsMayShow) {
			try {
				model.addAttribute("results",
						backend.participation().get().uri("/polls/{id}/results", poll.get("id")).retrieve().body(Backend.OBJECT));
			}
			catch (HttpClientErrorException.Conflict hiddenUntilClose) {
				model.addAttribute("resultsHidden", true);
			}
		}
		return "participation/poll";
	}

	private Map<String, Object> poll(UUID id) {
		return backend.participation().get().uri("/polls/{id}", id).retrieve().body(Backend.OBJECT);
	}

	private List<Map<String, Object>> polls(String state, int size) {
		return backend.participation()
			.get()
			.uri("/polls?state={state}&size={size}", state, size)
			.retrieve()
			.body(Backend.LIST);
	}

	private List<Map<String, Object>> consultations() {
		return backend.participation().get().uri("/consultations?size=50").retrieve().body(Backend.LIST);
	}

}
