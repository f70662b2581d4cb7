package org.bawaba.registry.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.client.RestClient;

/**
 * Who may do what at the registry. Nothing but health and info is open.
 * <ul>
 * <li>A service authenticates with HTTP Basic: its Keycloak client id and secret ({@link ClientCredentials}).
 * It may register, renew, change the status of and cancel only instances of the application named like
 * its client ({@code eservices} registers {@code ESERVICES}, the agency service client {@code moi-identity}
 * registers {@code MOI-IDENTITY}), and only when it is a platform or an agency service
 * ({@link RegistrationCheck} holds the registration's body to the same rule). Every service may read the
 * registry.</li>
 * <li>Metadata cannot be changed after registration (the gateway routes agencies' services by it).</li>
 * <li>Peer replication ({@code /eureka/peerreplication}) is for the registry's own client ({@code registry}),
 * when registries run as peers.</li>
 * <li>An operator ({@code operator}, password {@code bawaba.registry.operator-password}, none when unset)
 * reads the dashboard, the registry and the metrics, and changes nothing.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RegistrySecurity {

	static final String OPERATOR = "operator";

	@Bean
	SecurityFilterChain registryFilterChain(HttpSecurity http, ProviderManager authentication) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authenticationManager(authentication)
			.httpBasic(basic -> basic.realmName("bawaba-registry"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				// the container's error page, for answers already decided (a 404 of Eureka's, a 403 of RegistrationCheck)
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				.requestMatchers(HttpMethod.PUT, "/eureka/apps/*/*/metadata").denyAll()
				.requestMatchers(HttpMethod.POST, "/eureka/apps/{app}").access(ownApplication())
				.requestMatchers(HttpMethod.PUT, "/eureka/apps/{app}/**").access(ownApplication())
				.requestMatchers(HttpMethod.DELETE, "/eureka/apps/{app}/**").access(ownApplication())
				.requestMatchers("/eureka/peerreplication/**").access(peer())
				.requestMatchers(HttpMethod.GET, "/eureka/**")
				.hasAnyRole(RegistryClient.PLATFORM_SERVICE, RegistryClient.AGENCY_SERVICE, OPERATOR)
				.requestMatchers(HttpMethod.GET, "/**").hasRole(OPERATOR)
				.anyRequest().denyAll())
			.build();
	}

	@Bean
	ProviderManager registryAuthentication(RestClient.Builder http, Clock clock,
			@Value("${bawaba.registry.token-uri}") String tokenUri,
			@Value("${bawaba.registry.verified-for:10m}") Duration verifiedFor,
			@Value("${bawaba.registry.operator-password:}") String operatorPassword) {
		List<AuthenticationProvider> providers = new ArrayList<>();
		if (!operatorPassword.isBlank()) {
			PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			var operator = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(User.withUsername(OPERATOR)
				.password(encoder.encode(operatorPassword))
				.roles(OPERATOR)
				.build()));
			operator.setPasswordEncoder(encoder);
			providers.add(operator);
		}
		providers.add(new ClientCredentials(http, tokenUri, verifiedFor, clock));
		ProviderManager manager = new ProviderManager(providers);
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The application in the path is the caller's own, and the caller is a platform or agency service. */
	private static AuthorizationManager<RequestAuthorizationContext> ownApplication() {
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				String app = context.getVariables().get("app");
				Authentication caller = authentication.get();
				boolean own = app != null && caller != null && caller.getDetails() instanceof RegistryClient client
						&& client.mayRegister() && client.clientId().toLowerCase(Locale.ROOT).equals(app.toLowerCase(Locale.ROOT));
				return new AuthorizationDecision(own);
			}
		};
	}

	private static AuthorizationManager<RequestAuthorizationContext> peer() {
		return new AuthorizationManager<>() {
			@Override
			public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
					RequestAuthorizationContext context) {
				Authentication caller = authentication.get();
				return new AuthorizationDecision(caller != null && caller.getDetails() instanceof RegistryClient client
						&& client.roles().contains(RegistryClient.PLATFORM_SERVICE) && "registry".equals(client.clientId()));
			}
		};
	}

}
