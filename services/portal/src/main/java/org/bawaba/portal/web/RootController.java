package org.bawaba.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Addresses without a language go to the same page in the browser's language. */
@Controller
class RootController {

	@GetMapping("/")
	String root(HttpServletRequest request) {
		return "redirect:/" + Lang.preferred(request.getHeader("Accept-Language")).code() + "/";
	}

	/** Where the payment provider sends the citizen back. */
	@GetMapping("/payments/return")
	String paymentReturn(@org.springframework.web.bind.annotation.RequestParam java.util.UUID payment, HttpServletRequest request) {
		return "redirect:/" + Lang.preferred(request.getHeader("Accept-Language")).code() + "/payments/return?payment=" + payment;
	}

	/** The link of a click-to-renew notice ({@code eservices.renewals.link}). */
	@GetMapping("/eservices/renewals/{credentialId}")
	String renewal(@PathVariable java.util.UUID credentialId, HttpServletRequest request) {
		return "redirect:/" + Lang.preferred(request.getHeader("Accept-Language")).code() + "/renewals/" + credentialId;
	}

}
