package org.bawaba.portal.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every page's frame needs: its language, the person signed in, the form token, the links. */
@ControllerAdvice
class PageModel {

	@ModelAttribute
	void frame(HttpServletRequest request, Model model) {
		model.addAllAttributes(frame(request));
	}

	/** The frame's attributes; error pages, which no controller renders, add them themselves. */
	static Map<String, Object> frame(HttpServletRequest request) {
		Map<String, Object> frame = new HashMap<>();
		frame.put("lang", Lang.of(request));
		frame.put("viewer", Viewer.current());
		frame.put("csrf", request.getAttribute(CsrfGuard.ATTRIBUTE));
		Object original = request.getAttribute("jakarta.servlet.error.request_uri");
		frame.put("switchUrl", original instanceof String uri ? Lang.switched(uri, null)
				: Lang.switched(request.getRequestURI(), "GET".equals(request.getMethod()) ? request.getQueryString() : null));
		frame.put("signInUrl", SignIn.url(request));
		return frame;
	}

}
