package org.bawaba.portal.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Addresses without a language go to the same page in the browser's language: the home page, the
 * payment provider's return, and the links of notices (which name a page without its language, and
 * the older ones a service's path, {@code /eservices/applications/…}).
 */
@Controller
class RootController {

	/** Older notices' links, by the service's path: the portal page that shows the same. */
	private static final Map<String, String> FORMER = Map.of("eservices/applications", "applications",
			"eservices/renewals", "renewals", "participation/polls", "participate/polls", "procurement/tenders",
			"tenders");

	@GetMapping("/")
	String root(HttpServletRequest request) {
		return "redirect:/" + preferred(request) + "/";
	}

	/** A page named without its language (a notice's link, a shared address): the same page in the browser's. */
	@GetMapping({ "/payments/return", "/applications", "/applications/**", "/renewals/**", "/participate",
			"/participate/**", "/tenders", "/tenders/**", "/services", "/services/**", "/datasets", "/datasets/**",
			"/me", "/inbox", "/staff", "/staff/**", "/supplier", "/supplier/**" })
	String withoutLanguage(HttpServletRequest request) {
		String query = request.getQueryString();
		return "redirect:/" + preferred(request) + request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	@GetMapping("/{service:eservices|participation|procurement}/{kind}/{id}")
	String former(@PathVariable String service, @PathVariable String kind, @PathVariable UUID id,
			HttpServletRequest request) {
		String page = FORMER.get(service + "/" + kind);
		if (page == null) {
			String lang = preferred(request);
			// a change told once is shown with the others on "My details"; a complaint is found by its tracking number
			return switch (service + "/" + kind) {
				case "eservices/changes" -> "redirect:/" + lang + "/me#change-" + id;
				case "participation/complaints" -> "redirect:/" + lang + "/participate/complaints";
				default -> "redirect:/" + lang + "/";
			};
		}
		return "redirect:/" + preferred(request) + "/" + page + "/" + id;
	}

	private static String preferred(HttpServletRequest request) {
		return Lang.preferred(request.getHeader("Accept-Language")).code();
	}

}
