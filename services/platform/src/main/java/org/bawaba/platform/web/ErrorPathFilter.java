package org.bawaba.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.platform.problem.ProblemWriter;
import org.bawaba.platform.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The container's error path ({@code /error}) is where Spring Boot renders errors the MVC advice never saw; a
 * caller asking for it directly got Boot's status 999 in its own JSON. Asked for directly it does not exist:
 * 404 problem+json. The container's own error dispatches do not pass through here (request dispatches only).
 */
class ErrorPathFilter extends OncePerRequestFilter {

	private final String errorPath;

	private final Problems problems;

	private final ProblemWriter writer;

	ErrorPathFilter(String errorPath, Problems problems, ProblemWriter writer) {
		this.errorPath = errorPath;
		this.problems = problems;
		this.writer = writer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(errorPath) || path.startsWith(errorPath + "/") || path.startsWith(errorPath + ";")) {
			writer.write(request, response, problems.create(HttpStatus.NOT_FOUND, "not-found", request.getLocale()));
			return;
		}
		chain.doFilter(request, response);
	}

}
