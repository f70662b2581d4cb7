package org.bawaba.portal.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * The names people read where the services answer codes: a service's title and an agency's name, in
 * the page's language, from the e-services catalogue (and participation's list of agencies), cached for
 * a few minutes. Templates use it as {@code ${@names.service(code)}} and {@code ${@names.agency(code)}}.
 * A code the catalogue does not know is named by the portal's messages ({@code agency.<code>}), else in
 * general words, never shown as the code itself.
 */
@Component("names")
public class Names {

	private final Backend backend;

	private final MessageSource messages;

	private final Cache<String, Optional<Map<String, Object>>> services = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(5))
		.maximumSize(1_000)
		.build();

	private final Cache<String, Map<String, Map<String, Object>>> agencies = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	Names(Backend backend, MessageSource messages) {
		this.backend = backend;
		this.messages = messages;
	}

	/** The title of the service {@code code} in the page's language. */
	public String service(@Nullable Object code) {
		Map<String, Object> service = code == null ? null : serviceOf(String.valueOf(code));
		String title = service == null ? null : inPageLanguage(service.get("title"));
		return title != null ? title : message("names.service.unknown");
	}

	/** The catalogue's service {@code code} (its form, documents and steps), if it has one. */
	public @Nullable Map<String, Object> serviceOf(String code) {
		return services.get(code, key -> {
			try {
				return Optional.ofNullable(backend.eservices().get().uri("/services/{code}", key).retrieve().body(Backend.OBJECT));
			}
			catch (HttpClientErrorException.NotFound unknown) {
				return Optional.empty();
			}
		}).orElse(null);
	}

	/** The name of the agency {@code code} in the page's language. */
	public String agency(@Nullable Object code) {
		if (code == null) {
			return message("names.agency.unknown");
		}
		Map<String, Object> agency = agencies().get(String.valueOf(code));
		String name = agency == null ? null : inPageLanguage(agency.get("name"));
		if (name != null) {
			return name;
		}
		String known = messages.getMessage("agency." + code, null, null, LocaleContextHolder.getLocale());
		return known != null ? known : message("names.agency.unknown");
	}

	/** The name of a required document of {@code service} by its code, in the page's language. */
	public String document(@Nullable Map<String, Object> service, @Nullable Object code) {
		if ("other".equals(code)) {
			return message("application.document.other");
		}
		if (service != null && service.get("requiredDocuments") instanceof List<?> documents) {
			for (Object document : documents) {
				if (document instanceof Map<?, ?> required && String.valueOf(code).equals(String.valueOf(required.get("code")))) {
					String name = inPageLanguage(required.get("name"));
					if (name != null) {
						return name;
					}
				}
			}
		}
		return message("names.document.unknown");
	}

	/** A dataset's column by its name in the page's language ({@code opendata.column.<name>}), else as it is. */
	public String column(@Nullable Object name) {
		String known = messages.getMessage("opendata.column." + name, null, null, LocaleContextHolder.getLocale());
		return known != null ? known : String.valueOf(name);
	}

	/**
	 * A value of a dataset's row as people read it: an agency or a service by its name, a coded value
	 * ({@code FILED}, {@code true}) by its label ({@code opendata.value.<code>}), anything else as it is.
	 */
	public String cell(@Nullable Object column, @Nullable Object value) {
		if (value == null) {
			return "";
		}
		if ("agency".equals(column)) {
			return agency(value);
		}
		if ("service_code".equals(column)) {
			return service(value);
		}
		String known = messages.getMessage("opendata.value." + value, null, null, LocaleContextHolder.getLocale());
		return known != null ? known : String.valueOf(value);
	}

	private Map<String, Map<String, Object>> agencies() {
		Map<String, Map<String, Object>> known = agencies.getIfPresent("all");
		if (known != null) {
			return known;
		}
		Map<String, Map<String, Object>> byCode = new HashMap<>();
		boolean complete = true;
		for (String service : List.of("participation", "eservices")) {
			try {
				List<Map<String, Object>> listed = backend.service(service).get().uri("/agencies").retrieve().body(Backend.LIST);
				if (listed != null) {
					listed.forEach(agency -> byCode.put(String.valueOf(agency.get("code")), agency));
				}
			}
			catch (RestClientException unavailable) {
				complete = false;
			}
		}
		if (complete) {
			agencies.put("all", byCode);
		}
		return byCode;
	}

	private static @Nullable String inPageLanguage(@Nullable Object bilingual) {
		if (bilingual instanceof Map<?, ?> texts) {
			Object text = texts.get(LocaleContextHolder.getLocale().getLanguage());
			return text == null ? null : String.valueOf(text);
		}
		return null;
	}

	private String message(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
