package org.bawaba.portal.participation;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every participation page expects: what was just done ({@code ?done=<key>} after a redirect, only
 * this part's own message keys), and no field messages unless a service refused something.
 */
@ControllerAdvice(basePackageClasses = ParticipationModel.class)
class ParticipationModel {

	private static final Pattern KEY = Pattern.compile("participation\\.[a-zA-Z.]{1,60}");

	@ModelAttribute("done")
	@Nullable String done(@RequestParam(name = "done", required = false) @Nullable String done) {
		return done != null && KEY.matcher(done).matches() ? done : null;
	}

	@ModelAttribute("errors")
	FieldErrors errors() {
		return FieldErrors.NONE;
	}

}
