package org.bawaba.platform.problem;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/** problem+json for every error: the MVC advice, and the writer used by filters and security. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class, after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Problems bawabaProblems(ObjectProvider<MessageSource> messageSource) {
		return new Problems(messageSource.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemWriter bawabaProblemWriter(ObjectProvider<JsonMapper> jsonMapper) {
		return new ProblemWriter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean(org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler.class)
	ProblemHandler bawabaProblemHandler(Problems problems) {
		return new ProblemHandler(problems);
	}

}
