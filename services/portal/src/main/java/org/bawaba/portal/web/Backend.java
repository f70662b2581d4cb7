package org.bawaba.portal.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bawaba.platform.client.ServiceClients;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The Bawaba services, called by their registry names on behalf of the person looking at the page:
 * their access token (relayed by the gateway) goes along, and the page's language, so that the
 * services' errors come back in it. Each service applies its own rules; the portal adds none.
 */
@Component
public class Backend {

	/** A JSON object as the services answer it. */
	public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	/** A JSON array of objects. */
	public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final ServiceClients clients;

	private final Map<String, RestClient> byService = new ConcurrentHashMap<>();

	Backend(ServiceClients clients) {
		this.clients = clients;
	}

	/** A client of {@code service} (e.g. {@code eservices}) for the current person. */
	public RestClient service(String service) {
		return byService.computeIfAbsent(service, name -> inPageLanguage(clients.relayingCallerToken(name)).build());
	}

	/**
	 * A client of an agency's own service as everyone reaches it, through the gateway at
	 * {@code /api/agencies/<agency>/<path>}: so the platform's rules for agencies hold on the portal's
	 * pages too (an agency that is not onboarded, or offboarded, is not reachable: 404), with the same
	 * limits and usage statistics. Paths are the service's own.
	 */
	public RestClient agency(String agency, String publicPath) {
		String name = "agency-" + agency + "-" + publicPath;
		// its own circuit breaker: one agency's service failing must not cut off the others' pages
		return byService.computeIfAbsent(name, key -> inPageLanguage(clients.relayingCallerToken("gateway", name))
			.baseUrl("http://gateway/api/agencies/" + agency + "/" + publicPath)
			.build());
	}

	private static RestClient.Builder inPageLanguage(RestClient client) {
		return client.mutate().requestInterceptor((request, body, execution) -> {
			request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
			return execution.execute(request, body);
		});
	}

	public RestClient eservices() {
		return service("eservices");
	}

	public RestClient participation() {
		return service("participation");
	}

	public RestClient notifications() {
		return service("notifications");
	}

	public RestClient opendata() {
		return service("opendata");
	}

	public RestClient procurement() {
		return service("procurement");
	}

}
