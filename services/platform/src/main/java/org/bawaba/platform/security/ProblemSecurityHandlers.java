package org.bawaba.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bawaba.platform.problem.ProblemWriter;
import org.bawaba.platform.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filter chain as problem+json. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final Problems problems;

	private final ProblemWriter writer;

	ProblemSecurityHandlers(Problems problems, ProblemWriter writer) {
		this.problems = problems;
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		writer.write(request, response, problems.create(HttpStatus.UNAUTHORIZED, "unauthorized", request.getLocale()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		writer.write(request, response, problems.create(HttpStatus.FORBIDDEN, "forbidden", request.getLocale()));
	}

}
