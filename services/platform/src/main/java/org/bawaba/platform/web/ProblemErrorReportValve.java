package org.bawaba.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.bawaba.platform.problem.ProblemWriter;
import org.bawaba.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat refuses some requests before any servlet, filter or Spring MVC advice sees them — a path that is not
 * valid UTF-8 or holds an encoded lone surrogate, a path that does not normalise — and its host's error report
 * valve then answered with an HTML page. This valve takes its place: the same answers as problem+json in the
 * caller's language ({@code Accept-Language}, which Tomcat has read by then). Errors that Spring Boot's error
 * page already rendered are left as they are.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	private static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 401, "unauthorized", 403,
			"forbidden", 404, "not-found", 405, "method-not-allowed", 413, "payload-too-large", 415,
			"unsupported-media-type", 503, "service-unavailable");

	private final Problems problems;

	private final ProblemWriter writer;

	public ProblemErrorReportValve(Problems problems, ProblemWriter writer) {
		this.problems = problems;
		this.writer = writer;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		ProblemDetail problem = problem(status, request.getLocale());
		try {
			writer.write(request, response, problem);
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("The problem for a refused request could not be written", ex);
		}
	}

	private ProblemDetail problem(int status, Locale locale) {
		String slug = SLUGS.getOrDefault(status, status >= 500 ? "internal-error" : "bad-request");
		return problems.create(HttpStatusCode.valueOf(status), slug, locale);
	}

}
