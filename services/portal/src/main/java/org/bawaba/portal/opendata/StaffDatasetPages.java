package org.bawaba.portal.opendata;

import java.util.List;
import java.util.Map;

import org.bawaba.portal.procurement.Outcome;
import org.bawaba.portal.web.Backend;
import org.bawaba.portal.web.Problem;
import org.bawaba.portal.web.Viewer;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agency's datasets, for its staff: the list (private ones included), a new dataset, and a CSV
 * file loaded as a resource or as a resource's new version (passed on to the open data service,
 * which checks the file and refuses a malformed one whole). The service decides who may do what:
 * the dataset's organisation is the staff member's agency.
 */
@Controller
@RequestMapping("/{lang:en|ar}/staff/datasets")
class StaffDatasetPages {

	private final Backend backend;

	StaffDatasetPages(Backend backend) {
		this.backend = backend;
	}

	@GetMapping
	String list(Model model) {
		Viewer viewer = Viewer.required();
		String agency = viewer.agency() == null ? "" : viewer.agency();
		model.addAttribute("result", Ckan.search(backend, "", "organization:" + agency, "metadata_modified desc", 0,
				100, true));
		return "opendata/staff-datasets";
	}

	@GetMapping("/new")
	String form(Model model) {
		Viewer.required();
		return formPage(new LinkedMultiValueMap<>(), model);
	}

	@PostMapping
	String create(@PathVariable String lang, @RequestParam MultiValueMap<String, String> form, Model model) {
		Viewer viewer = Viewer.required();
		try {
			backend.opendata()
				.post()
				.uri("/datasets")
				.body(DatasetForm.request(form, viewer.agency()))
				.retrieve()
				.toBodilessEntity();
		}
		catch (HttpClientErrorException refused) {
			model.addAttribute("problem", Problem.of(refused));
			return formPage(form, model);
		}
		return Outcome.redirect("/" + lang + "/staff/datasets/" + DatasetForm.value(form, "name"), "opendata.staff.created",
				"");
	}

	@GetMapping("/{name}")
	String dataset(@PathVariable String name, Model model) {
		Viewer.required();
		model.addAttribute("dataset", backend.opendata().get().uri("/datasets/{name}", name).retrieve().body(Backend.OBJECT));
		return "opendata/staff-dataset";
	}

	/** A new resource of the dataset, with its first version loaded from the file. */
	@PostMapping("/{name}/resources")
	String addFile(@PathVariable String lang, @PathVariable String name, @RequestParam MultiValueMap<String, String> form,
			@RequestParam("file") MultipartFile file, Model model) {
		Viewer.required();
		Problem problem = Outcome.attempt(client -> {
			Map<String, Object> resource = client.post()
				.uri("/datasets/{name}/resources", name)
				.body(Map.of("name", DatasetForm.bilingual(form, "resource"), "format", format(file)))
				.retrieve()
				.body(Backend.OBJECT);
			load(String.valueOf(resource.get("id")), file);
		}, backend.opendata());
		return afterLoad(lang, name, problem, model);
	}

	/** A new version of a file resource. */
	@PostMapping("/{name}/resources/{id}/data")
	String newVersion(@PathVariable String lang, @PathVariable String name, @PathVariable String id,
			@RequestParam("file") MultipartFile file, Model model) {
		Viewer.required();
		return afterLoad(lang, name, Outcome.attempt(client -> load(id, file), backend.opendata()), model);
	}

	/** Loaded: back to the dataset with the notice; refused (a malformed file): the page with the reason. */
	private String afterLoad(String lang, String name, Problem problem, Model model) {
		if (problem != null) {
			model.addAttribute("problem", problem);
			return dataset(name, model);
		}
		return Outcome.redirect("/" + lang + "/staff/datasets/" + name, "opendata.staff.loaded", "");
	}

	private void load(String resourceId, MultipartFile file) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", file.getResource());
		backend.opendata()
			.post()
			.uri("/resources/{id}/data", resourceId)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toBodilessEntity();
	}

	/** JSON for a .json file, else CSV: the two formats the datastore loads. */
	static String format(MultipartFile file) {
		String filename = file.getOriginalFilename();
		return filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "JSON" : "CSV";
	}

	private String formPage(MultiValueMap<String, String> form, Model model) {
		model.addAttribute("form", form.toSingleValueMap());
		model.addAttribute("picked", form.getOrDefault("groups", List.of()));
		model.addAttribute("groups", backend.opendata()
			.get()
			.uri("/api/3/action/group_list?all_fields=true")
			.retrieve()
			.body(Backend.OBJECT)
			.get("result"));
		model.addAttribute("licences", DatasetForm.LICENCES);
		model.addAttribute("frequencies", DatasetForm.FREQUENCIES);
		return "opendata/staff-dataset-form";
	}

}
