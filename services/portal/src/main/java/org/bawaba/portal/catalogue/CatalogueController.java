package org.bawaba.portal.catalogue;

import java.util.Map;

import org.bawaba.portal.web.Backend;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The service catalogue, open to everyone: the home page, search, and one service's page. */
@Controller
@RequestMapping("/{lang:en|ar}")
class CatalogueController {

	private static final int PAGE_SIZE = 20;

	private final Backend backend;

	CatalogueController(Backend backend) {
		this.backend = backend;
	}

	@GetMapping({ "", "/" })
	String home(@PathVariable String lang, Model model) {
		model.addAttribute("services", search(lang, "", 0, 6));
		return "home";
	}

	@GetMapping("/services")
	String services(@PathVariable String lang, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int from = Math.max(page, 0);
		model.addAttribute("q", q);
		model.addAttribute("page", from);
		model.addAttribute("services", search(lang, q, from, PAGE_SIZE));
		return "catalogue/services";
	}

	@GetMapping("/services/{code}")
	String service(@PathVariable String code, Model model) {
		model.addAttribute("service", backend.eservices()
			.get()
			.uri("/services/{code}", code)
			.retrieve()
			.body(Backend.OBJECT));
		return "catalogue/service";
	}

	private Map<String, Object> search(String lang, String q, int page, int size) {
		return backend.eservices()
			.get()
			.uri(uri -> uri.path("/services")
				.queryParam("q", q)
				.queryParam("lang", lang)
				.queryParam("page", page)
				.queryParam("size", size)
				.build())
			.retrieve()
			.body(Backend.OBJECT);
	}

}
