package org.bawaba.portal.me;

import java.util.UUID;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The person's inbox: every agency's notices about them, newest first, in their language; new ones
 * arrive live on the open page (the notifications service's stream, through the gateway).
 */
@Controller
@RequestMapping("/{lang:en|ar}/inbox")
class InboxPages {

	private final Backend backend;

	InboxPages(Backend backend) {
		this.backend = backend;
	}

	@GetMapping
	String inbox(Model model) {
		Viewer.required();
		model.addAttribute("inbox", backend.notifications()
			.get()
			.uri("/me/notices?size=50")
			.retrieve()
			.body(Backend.OBJECT));
		return "me/inbox";
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable String lang, @PathVariable UUID id) {
		return post(lang, "/me/notices/{id}/read", id);
	}

	@PostMapping("/read-all")
	String readAll(@PathVariable String lang) {
		Viewer.required();
		backend.notifications().post().uri("/me/notices/read-all").retrieve().toBodilessEntity();
		return "redirect:/" + lang + "/inbox";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String lang, @PathVariable UUID id) {
		Viewer.required();
		backend.notifications().delete().uri("/me/notices/{id}", id).retrieve().toBodilessEntity();
		return "redirect:/" + lang + "/inbox";
	}

	private String post(String lang, String path, UUID id) {
		Viewer.required();
		backend.notifications().post().uri(path, id).retrieve().toBodilessEntity();
		return "redirect:/" + lang + "/inbox";
	}

}
