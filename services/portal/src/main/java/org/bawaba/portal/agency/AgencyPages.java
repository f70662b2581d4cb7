package org.bawaba.portal.agency;

import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

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
	String identity(Model model) {
		Viewer.required();
		model.addAttribute("credentials", backend.agency("moi", "identity").get().uri("/credentials").retrieve().body(Backend.LIST));
		return "agency/moi-identity";
	}

	@GetMapping("/ewa/accounts")
	String accounts(Model model) {
		Viewer.required();
		model.addAttribute("accounts", backend.agency("ewa", "accounts").get().uri("/accounts").retrieve().body(Backend.LIST));
		return "agency/ewa-accounts";
	}

}
