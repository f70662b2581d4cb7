package org.bawaba.portal.participation;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.portal.web.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * What the participation pages send to the service, and how each ends without a session (the gateway
 * passes the portal no cookies, so flash attributes would never come back): done, POST-redirect-GET to
 * the page with {@code ?done=<message key>} ({@link ParticipationModel} shows it); refused, the page at
 * once with the service's problem, its status, and each field's message next to the field.
 */
@Component
class Submissions {

	private final MessageSource messages;

	Submissions(MessageSource messages) {
		this.messages = messages;
	}

	/** Posts {@code body}; the service's refusal, or null when it was done. */
	@Nullable Problem send(RestClient client, String path, Object body, Object... uriVariables) {
		try {
			client.post().uri(path, uriVariables).body(body).retrieve().toBodilessEntity();
			return null;
		}
		catch (HttpClientErrorException refused) {
			return problem(refused);
		}
	}

	/** The address to go to once {@code key} was done; {@code anchor} (e.g. {@code #comments}) may be empty. */
	static String done(String path, String key, String anchor) {
		return "redirect:" + path + "?done=" + key + anchor;
	}

	/** Puts a refusal on the page about to be shown, with its status. */
	static void refused(Problem problem, Model model, HttpServletResponse response) {
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FieldErrors.from(problem));
		response.setStatus(problem.status());
	}

	/**
	 * A question of the form left unanswered, told before asking the service (whose message for an empty
	 * list is about its size, not about choosing).
	 */
	Problem unanswered(String field, String messageKey) {
		String message = messages.getMessage(messageKey, null, LocaleContextHolder.getLocale());
		return new Problem(400, message, message, Map.of(field, message));
	}

	/**
	 * A service's refusal as the page shows it: when the service names the fields at fault, their messages
	 * go next to them and the summary above the form says so in the page's language (the service's own
	 * summary points API clients to its {@code errors} array, which means nothing to a person).
	 */
	Problem problem(HttpClientErrorException refused) {
		Problem problem = Problem.of(refused);
		if (problem.fields().isEmpty()) {
			return problem;
		}
		return new Problem(problem.status(), problem.title(),
				messages.getMessage("participation.form.fields", null, LocaleContextHolder.getLocale()), problem.fields());
	}

}
