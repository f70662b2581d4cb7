package org.bawaba.notifications.template;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bawaba.platform.client.ServiceClients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The names people read for the codes events carry: a service's title, an agency's name and an
 * integrated service's step, in both languages, from the e-services catalogue (public, read through the
 * registry, cached). They are added to an event's data before its texts are rendered, as
 * {@code {{serviceName}}}, {@code {{agencyName}}}, {@code {{stepAgencyName}}} and {@code {{stepName}}}.
 * What the catalogue does not know, or while it cannot be reached, is named in general words ("the
 * agency", "your service"), never by its code.
 */
@Component
public class Names {

	private static final Logger log = LoggerFactory.getLogger(Names.class);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String AGENCIES = "/agencies";

	private final Function<String, JsonNode> catalogue;

	private final Cache<String, Optional<JsonNode>> answers = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(2_000)
		.build();

	@Autowired
	Names(ServiceClients clients) {
		this(path -> clients.relayingCallerToken("eservices").get().uri(path).retrieve().body(JsonNode.class));
	}

	/** With {@code catalogue} answering the e-services catalogue's paths ({@code /agencies}, {@code /services/{code}}). */
	Names(Function<String, JsonNode> catalogue) {
		this.catalogue = catalogue;
	}

	/** {@code data} with the names of the codes it carries (a copy; {@code data} is not changed). */
	public JsonNode withNames(JsonNode data) {
		if (!(data instanceof ObjectNode object)) {
			return data;
		}
		ObjectNode named = object.deepCopy();
		String serviceCode = text(data, "serviceCode");
		JsonNode service = serviceCode == null ? null : lookUp("/services/" + serviceCode);
		named.set("serviceName", bilingual(service == null ? null : service.get("title"), "your service", "الخدمة"));
		named.set("agencyName", agency(text(data, "agency")));
		if (data.has("stepAgency")) {
			named.set("stepAgencyName", agency(text(data, "stepAgency")));
		}
		if (data.has("step")) {
			JsonNode title = null;
			if (service != null) {
				for (JsonNode step : service.path("steps")) {
					if (step.path("step").asString("").equals(text(data, "step"))) {
						title = step.get("title");
					}
				}
			}
			named.set("stepName", bilingual(title, "a step", "خطوة"));
		}
		return named;
	}

	private ObjectNode agency(@Nullable String code) {
		JsonNode name = null;
		JsonNode agencies = code == null ? null : lookUp(AGENCIES);
		if (agencies != null) {
			for (JsonNode agency : agencies) {
				if (agency.path("code").asString("").equals(code)) {
					name = agency.get("name");
				}
			}
		}
		return bilingual(name, "the agency", "الجهة");
	}

	/** The catalogue's answer for {@code path}: remembered for a while, a failure only briefly. */
	private @Nullable JsonNode lookUp(String path) {
		Optional<JsonNode> known = answers.getIfPresent(path);
		if (known != null) {
			return known.orElse(null);
		}
		try {
			JsonNode answer = catalogue.apply(path);
			answers.put(path, Optional.ofNullable(answer));
			return answer;
		}
		catch (HttpClientErrorException.NotFound unknown) {
			answers.put(path, Optional.empty());
			return null;
		}
		catch (RuntimeException unreachable) {
			// a name in general words this time; asked again on a later event
			log.debug("Catalogue {} not read: {}", path, unreachable.toString());
			return null;
		}
	}

	private static ObjectNode bilingual(@Nullable JsonNode name, String en, String ar) {
		ObjectNode text = NODES.objectNode();
		boolean known = name != null && name.hasNonNull("en") && name.hasNonNull("ar");
		text.put("en", known ? name.get("en").asString() : en);
		text.put("ar", known ? name.get("ar").asString() : ar);
		return text;
	}

	private static @Nullable String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		return value == null || !value.isString() ? null : value.asString();
	}

}
