package org.bawaba.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for errors outside any controller (the container's: a refused form token, a failure
 * while a page was being written): the same page as {@link PageErrors}', in the page's language,
 * for every client. The portal serves people, not API clients.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		return PageErrors.page(request, response, status, null);
	}

}
