package org.bawaba.portal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal keeps no session: who is looking comes with each request, as the access token the
 * gateway relays from the browser's session there. Every page is open to everyone; the pages that
 * need a signed-in person ask for one ({@link Viewer#required()}), and the services decide what
 * that person may see or do.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtAuthenticationConverter())))
			.headers(headers -> headers.disable())
			.build();
	}

	@Bean
	FilterRegistrationBean<CsrfGuard> csrfGuard() {
		FilterRegistrationBean<CsrfGuard> registration = new FilterRegistrationBean<>(new CsrfGuard());
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/** The messages of {@code spring.messages.basename}, formatted with ICU's plural rules. */
	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasenames(java.util.Arrays.stream(basenames).map(String::strip).toArray(String[]::new));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new PathLocaleResolver();
	}

}
