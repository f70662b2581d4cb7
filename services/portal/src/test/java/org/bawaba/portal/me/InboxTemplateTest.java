package org.bawaba.portal.me;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Pages rendered from the model their controllers give them, without the services: a notice's link
 * opens its page in the inbox's language, and a dataset's preview names its columns and coded values.
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false" })
@AutoConfigureMockMvc
@Import(InboxTemplateTest.Pages.class)
class InboxTemplateTest {

	static final Map<String, Object> INBOX = Map.of("unread", 2, "items", List.of(
			Map.of("id", "7d3c2f4e-0000-4000-8000-000000000001", "subject", "Application received", "body", "…",
					"lang", "en", "dir", "ltr", "read", false, "createdAt", "2026-12-07T08:00:00Z",
					"link", "/applications/7d3c2f4e-0000-4000-8000-000000000009"),
			Map.of("id", "7d3c2f4e-0000-4000-8000-000000000002", "subject", "Renew", "body", "…",
					"lang", "en", "dir", "ltr", "read", true, "createdAt", "2026-12-07T08:00:00Z",
					"link", "/ar/renewals/7d3c2f4e-0000-4000-8000-000000000008")));

	@Autowired
	MockMvc mvc;

	@Test
	void aNoticesLinkOpensItsPageInTheInboxsLanguage() throws Exception {
		mvc.perform(get("/ar/test-inbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("href=\"/ar/applications/7d3c2f4e-0000-4000-8000-000000000009\"")))
			// a link that names its language keeps it
			.andExpect(content().string(Matchers.containsString("href=\"/ar/renewals/7d3c2f4e-0000-4000-8000-000000000008\"")))
			.andExpect(content().string(Matchers.containsString("إشعاران غير مقروءين")));
		mvc.perform(get("/en/test-inbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("href=\"/en/applications/7d3c2f4e-0000-4000-8000-000000000009\"")))
			.andExpect(content().string(Matchers.containsString("2 unread notices")));
	}

	@Test
	void aDatasetPreviewNamesItsColumnsAndCodedValues() throws Exception {
		mvc.perform(get("/ar/test-dataset"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("تجاوزت المهلة")))
			.andExpect(content().string(Matchers.containsString("data-label=\"الحالة\"")))
			.andExpect(content().string(Matchers.containsString(">مقدَّمة<")))
			.andExpect(content().string(Matchers.not(Matchers.containsString(">FILED<"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString(">sla_breached<"))));
	}

	@TestConfiguration
	@Controller
	static class Pages {

		@GetMapping("/{lang:en|ar}/test-inbox")
		String inbox(@PathVariable String lang, Model model) {
			model.addAttribute("inbox", INBOX);
			return "me/inbox";
		}

		@GetMapping("/{lang:en|ar}/test-dataset")
		String dataset(@PathVariable String lang, Model model) {
			Map<String, Object> resource = new HashMap<>(Map.of("id", "r1", "name", Map.of("en", "Complaints", "ar", "الشكاوى"),
					"format", "CSV", "datastoreTable", "t"));
			resource.put("url", null);
			resource.put("description", null);
			Map<String, Object> dataset = new HashMap<>(Map.of("name", "complaints-monthly",
					"title", Map.of("en", "Complaints", "ar", "الشكاوى"), "resources", List.of(resource), "isPrivate", false,
					"live", true, "organization", Map.of("name", "mme", "title", Map.of("en", "Municipality", "ar", "البلدية")),
					"tags", List.of(), "themes", List.of(), "licenseId", "cc-by", "modified", "2026-12-01T00:00:00Z"));
			for (String absent : List.of("notes", "frequency", "maintainer", "spatial", "temporalStart", "temporalEnd")) {
				dataset.put(absent, null);
			}
			model.addAttribute("dataset", dataset);
			model.addAttribute("preview", Map.of("resource", resource, "total", 1,
					"fields", List.of(Map.of("id", "status"), Map.of("id", "sla_breached")),
					"records", List.of(Map.of("status", "FILED", "sla_breached", 0))));
			return "opendata/dataset";
		}

	}

}
