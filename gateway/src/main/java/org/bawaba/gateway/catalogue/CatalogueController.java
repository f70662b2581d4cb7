package org.bawaba.gateway.catalogue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * One API catalogue: the OpenAPI documents of every routed service (each serves its own at
 * {@code /v3/api-docs}, reached through the gateway at {@code /api/<service>/v3/api-docs}) and the
 * gateway's own, shown together by the Swagger UI at {@code /swagger-ui.html}, plus the AsyncAPI
 * document of the platform's events.
 * <p>
 * The list is read from the gateway's current routes on every request: the platform's services always (a
 * service with no instance at the moment answers 503 for its document), an agency's service as soon as it
 * registers in Eureka, without a restart.
 */
@RestController
class CatalogueController {

	static final String UI = "/swagger-ui.html";

	static final String ASYNCAPI = "/catalogue/asyncapi.yaml";

	private static final String DOCS = "/v3/api-docs";

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.json");

	private final RouteDefinitionLocator routes;

	private final Resource asyncApi;

	CatalogueController(RouteDefinitionLocator routes,
			@Value("${bawaba.catalogue.asyncapi:classpath:asyncapi.yaml}") Resource asyncApi) {
		this.routes = routes;
		this.asyncApi = asyncApi;
	}

	@GetMapping("/catalogue")
	Mono<Catalogue> catalogue() {
		return documents().map(documents -> new Catalogue(documents, this.asyncApi.exists() ? ASYNCAPI : null, UI));
	}

	/** Swagger UI's configuration ({@code springdoc.swagger-ui.config-url}): one entry per document. */
	@GetMapping(path = "/catalogue/swagger-config", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Object>> swaggerConfig() {
		return documents().map(documents -> {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("urls", documents);
			config.put("urls.primaryName", "gateway");
			config.put("validatorUrl", "");
			return config;
		});
	}

	/**
	 * The AsyncAPI document of the contracts module. In the source tree its payloads point at
	 * {@code ./src/main/resources/schemas/}; served here they point at {@link #schema(String)}, beside it.
	 */
	@GetMapping(ASYNCAPI)
	ResponseEntity<String> asyncApi() throws IOException {
		if (!this.asyncApi.exists()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No AsyncAPI document is published yet.");
		}
		String document = this.asyncApi.getContentAsString(StandardCharsets.UTF_8)
			.replace("'./src/main/resources/schemas/", "'./schemas/");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/yaml"))
			.cacheControl(CacheControl.noCache())
			.body(document);
	}

	/** The JSON Schema of an event type, as the contracts module ships it. */
	@GetMapping(path = "/catalogue/schemas/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Resource> schema(@PathVariable String name) {
		Resource schema = new ClassPathResource("schemas/" + name);
		if (!SCHEMA_NAME.matcher(name).matches() || !schema.exists()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No event schema is published as " + name + ".");
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(schema);
	}

	private Mono<List<ApiDocument>> documents() {
		return this.routes.getRouteDefinitions()
			.concatMap(CatalogueController::document)
			.distinct(ApiDocument::name)
			.sort((a, b) -> a.name().compareTo(b.name()))
			.collectList()
			.map(services -> {
				List<ApiDocument> all = new ArrayList<>(services.size() + 1);
				all.add(new ApiDocument("gateway", DOCS));
				all.addAll(services);
				return all;
			});
	}

	/** The document of an {@code lb://} route with a {@code /…/**} path: that path's prefix plus /v3/api-docs. */
	private static Flux<ApiDocument> document(RouteDefinition route) {
		URI uri = route.getUri();
		if (uri == null || !"lb".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			return Flux.empty();
		}
		for (PredicateDefinition predicate : route.getPredicates()) {
			if (!"Path".equals(predicate.getName())) {
				continue;
			}
			for (String pattern : predicate.getArgs().values()) {
				if (pattern.endsWith("/**")) {
					String prefix = pattern.substring(0, pattern.length() - 3);
					return Flux.just(new ApiDocument(uri.getHost().toLowerCase(Locale.ROOT), prefix + DOCS));
				}
			}
		}
		return Flux.empty();
	}

}
