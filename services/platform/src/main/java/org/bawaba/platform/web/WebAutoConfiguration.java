package org.bawaba.platform.web;

import org.bawaba.platform.problem.ProblemWriter;
import org.bawaba.platform.problem.Problems;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Correlation ids, request size limits and no direct way to the error path, for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> bawabaCorrelationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * A JSON number or boolean sent where the API takes text is refused (400), not stored as its digits: a
	 * client that sends {@code {"question": 123}} has a bug the platform should tell it about.
	 */
	@Bean
	JsonMapperBuilderCustomizer bawabaNoScalarsAsText() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	@Bean
	FilterRegistrationBean<ErrorPathFilter> bawabaErrorPathFilter(@Value("${server.error.path:/error}") String errorPath,
			Problems problems, ProblemWriter writer) {
		FilterRegistrationBean<ErrorPathFilter> registration = new FilterRegistrationBean<>(
				new ErrorPathFilter(errorPath, problems, writer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> bawabaRequestSizeLimitFilter(WebProperties properties,
			Problems problems, ProblemWriter writer) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxBodySize().toBytes(), problems, writer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Tomcat's own refusals (a path that is not valid UTF-8, say) are problem+json too: the host's error report
	 * valve is {@link ProblemErrorReportValve}, in place of the HTML one Spring Boot puts there (whose
	 * customizer runs first: this one is ordered last).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
	static class TomcatErrors {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> bawabaProblemErrorReportValve(Problems problems,
				ProblemWriter writer) {
			return new ProblemValveCustomizer(new ProblemErrorReportValve(problems, writer));
		}

	}

	private record ProblemValveCustomizer(ProblemErrorReportValve valve)
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve existing : host.getPipeline().getValves()) {
						if (existing instanceof ErrorReportValve) {
							host.getPipeline().removeValve(existing);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(this.valve);
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
