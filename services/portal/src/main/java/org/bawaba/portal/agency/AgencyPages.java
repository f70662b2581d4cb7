package org.bawaba.portal.agency;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Pages of services the agencies deployed on the platform themselves, shown with the same sign-in:
 * the Ministry of Interior's identity documents and the water and electricity company's accounts.
 * The agencies' services answer with the person's own records only. They are called through the
 * gateway, like any client of theirs: an agency that is not onboarded has no page here either.
 */
@Controller
@RequestMapping("/{lang:en|ar}/agencies")
class AgencyPages {

	private final Backend backend;

	AgencyPages(Backend backend) {
		this.backend = backend;
	}

	@GetMapping("/moi/identity")
	String identity(Model model, HttpServletResponse response) {
		Viewer.required();
		model.addAttribute("credentials", records("moi", "identity", "/credentials", model, response));
		return "agency/moi-identity";
	}

	@GetMapping("/ewa/accounts")
	String accounts(Model model, HttpServletResponse response) {
		Viewer.required();
		model.addAttribute("accounts", records("ewa", "accounts", "/accounts", model, response));
		return "agency/ewa-accounts";
	}

	/**
	 * The person's records at an agency's own service; none, and a word why in the page's language, while
	 * the agency is not onboarded (the gateway publishes no route for it: the page answers 404 too, so that
	 * links and clients see the service is not there).
	 */
	private List<Map<String, Object>> records(String agency, String service, String path, Model model,
			HttpServletResponse response) {
		try {
			return backend.agency(agency, service).get().uri(path).retrieve().body(Backend.LIST);
		}
		catch (HttpClientErrorException.NotFound notPublished) {
			model.addAttribute("unavailable", true);
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return List.of();
		}
	}

}
