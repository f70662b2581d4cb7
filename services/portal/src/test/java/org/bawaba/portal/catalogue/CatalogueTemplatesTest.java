package org.bawaba.portal.catalogue;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The catalogue's pages rendered from the model the controller gives them (a search answer from
 * e-services), without e-services: the list shows every card it was given, on the list page as on
 * the home page, in both languages.
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false" })
@AutoConfigureMockMvc
@Import(CatalogueTemplatesTest.Pages.class)
class CatalogueTemplatesTest {

	static final Map<String, Object> ANSWER = Map.of("total", 2, "size", 20, "items", List.of(
			Map.of("code", "moi-passport-renewal", "level", 3,
					"title", Map.of("en", "Renew a passport", "ar", "تجديد جواز السفر"),
					"description", Map.of("en", "Renew before it expires", "ar", "جدده قبل انتهائه")),
			Map.of("code", "mme-park-booking", "level", 4,
					"title", Map.of("en", "Book a park", "ar", "حجز حديقة"),
					"description", Map.of("en", "For a family day", "ar", "ليوم عائلي"))));

	@Autowired
	MockMvc mvc;

	@Test
	void theListPageShowsEveryServiceItWasGiven() throws Exception {
		mvc.perform(get("/en/test-catalogue/list"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Renew a passport")))
			.andExpect(content().string(Matchers.containsString("href=\"/en/services/mme-park-booking\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("class=\"empty\""))));
		mvc.perform(get("/ar/test-catalogue/list"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("تجديد جواز السفر")))
			.andExpect(content().string(Matchers.containsString("حجز حديقة")));
	}

	@Test
	void theHomePageShowsTheSameCards() throws Exception {
		mvc.perform(get("/en/test-catalogue/home"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Book a park")));
	}

	@TestConfiguration
	@Controller
	static class Pages {

		@GetMapping("/{lang:en|ar}/test-catalogue/list")
		String list(@PathVariable String lang, Model model) {
			model.addAttribute("q", "");
			model.addAttribute("page", 0);
			model.addAttribute("services", ANSWER);
			return "catalogue/services";
		}

		@GetMapping("/{lang:en|ar}/test-catalogue/home")
		String home(@PathVariable String lang, Model model) {
			model.addAttribute("services", ANSWER);
			return "home";
		}

	}

}
