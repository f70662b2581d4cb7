package org.bawaba.portal.opendata;

import java.util.List;
import java.util.Map;

import org.bawaba.portal.web.Backend;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The open data catalogue, open to everyone: search with themes and organisations (CKAN's
 * {@code package_search}), a dataset with its resources, a preview of the first rows, and links to
 * download the data and the DCAT-AP catalogue through the gateway.
 */
@Controller
@RequestMapping("/{lang:en|ar}")
class DatasetPages {

	static final int PREVIEW_ROWS = 10;

	private final Backend backend;

	DatasetPages(Backend backend) {
		this.backend = backend;
	}

	@GetMapping("/datasets")
	String datasets(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String group,
			@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "0") int page,
			Model model) {
		DatasetSearch search = new DatasetSearch(q, group, organization, page);
		model.addAttribute("search", search);
		model.addAttribute("result", Ckan.search(backend, search.q(), search.fq(), search.sort(), search.start(),
				DatasetSearch.PAGE_SIZE, false));
		return "opendata/datasets";
	}

	@GetMapping("/datasets/{name}")
	String dataset(@PathVariable String name, Model model) {
		Map<String, Object> dataset = backend.opendata().get().uri("/datasets/{name}", name).retrieve().body(Backend.OBJECT);
		model.addAttribute("dataset", dataset);
		model.addAttribute("preview", preview(dataset));
		return "opendata/dataset";
	}

	/** The first rows of the dataset's first resource holding data, or null when none has any yet. */
	private Map<String, Object> preview(Map<String, Object> dataset) {
		if (!(dataset.get("resources") instanceof List<?> resources)) {
			return null;
		}
		for (Object item : resources) {
			if (item instanceof Map<?, ?> resource && resource.get("datastoreTable") != null) {
				try {
					Map<String, Object> rows = backend.opendata()
						.get()
						.uri("/resources/{id}/preview?limit={limit}", resource.get("id"), PREVIEW_ROWS)
						.retrieve()
						.body(Backend.OBJECT);
					rows.put("resource", resource);
					return rows;
				}
				catch (HttpClientErrorException noData) {
					// a file resource whose data is not loaded yet: no preview
				}
			}
		}
		return null;
	}

}
