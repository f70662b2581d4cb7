package org.bawaba.portal.procurement;

import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.bawaba.portal.web.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * How an action of the open data and procurement pages ends. Done: POST-redirect-GET to the page with
 * {@code ?done=<message key>}, shown as the page's {@code done} notice. Refused: the same page shown
 * at once with the service's {@code problem}. Neither needs a session: the gateway passes the portal
 * no cookies, so flash attributes would not survive the redirect.
 */
@ControllerAdvice(basePackages = { "org.bawaba.portal.procurement", "org.bawaba.portal.opendata" })
public class Outcome {

	/** Only this part of the portal's own message keys is shown; anything else in the address is ignored. */
	private static final Pattern KEY = Pattern.compile("(opendata|procurement)\\.[a-zA-Z.]{1,60}");

	@ModelAttribute("done")
	@Nullable String done(@RequestParam(name = "done", required = false) @Nullable String done) {
		return done != null && KEY.matcher(done).matches() ? done : null;
	}

	/** The address to redirect to after {@code key} was done; {@code anchor} (e.g. {@code #bids}) may be empty. */
	public static String redirect(String path, String key, String anchor) {
		return "redirect:" + path + "?done=" + key + anchor;
	}

	/** Does {@code action}; the service's refusal, or null when it was done. */
	public static @Nullable Problem attempt(Consumer<RestClient> action, RestClient client) {
		try {
			action.accept(client);
			return null;
		}
		catch (HttpClientErrorException refused) {
			return Problem.of(refused);
		}
	}

}
