package org.bawaba.portal.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's own behaviour, without the services: languages, sign-in, form tokens and error pages,
 * always a page in the person's language (never a stack trace or a problem+json).
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "spring.cloud.discovery.enabled=false" })
@AutoConfigureMockMvc
class PagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theRootGoesToTheBrowsersLanguage() throws Exception {
		mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/en/"));
		mvc.perform(get("/")).andExpect(header().string("Location", "/ar/"));
	}

	@Test
	void aNoticesLinkWithoutALanguageOrByAServicesPathOpensThePortalPage() throws Exception {
		String id = "7d3c2f4e-0000-4000-8000-000000000009";
		mvc.perform(get("/applications/" + id).header("Accept-Language", "en"))
			.andExpect(header().string("Location", "/en/applications/" + id));
		mvc.perform(get("/participate/complaints/CS-2026-000001"))
			.andExpect(header().string("Location", "/ar/participate/complaints/CS-2026-000001"));
		mvc.perform(get("/tenders").queryParam("category", "it").header("Accept-Language", "en"))
			.andExpect(header().string("Location", "/en/tenders?category=it"));
		// older notices named the service's path
		mvc.perform(get("/eservices/applications/" + id).header("Accept-Language", "en"))
			.andExpect(header().string("Location", "/en/applications/" + id));
		mvc.perform(get("/participation/polls/" + id)).andExpect(header().string("Location", "/ar/participate/polls/" + id));
		mvc.perform(get("/procurement/tenders/" + id)).andExpect(header().string("Location", "/ar/tenders/" + id));
		mvc.perform(get("/eservices/renewals/" + id)).andExpect(header().string("Location", "/ar/renewals/" + id));
		mvc.perform(get("/eservices/changes/" + id)).andExpect(header().string("Location", "/ar/me#change-" + id));
	}

	@Test
	void aPageThatNeedsASignedInPersonSendsTheBrowserToSignInAndBack() throws Exception {
		mvc.perform(get("/ar/applications"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/oauth2/authorization/keycloak?lang=ar&return=%2Far%2Fapplications"));
	}

	@Test
	void anUnknownPageIsAPageInItsLanguage() throws Exception {
		mvc.perform(get("/ar/no-such-page").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(Matchers.containsString("dir=\"rtl\"")))
			.andExpect(content().string(Matchers.containsString("لم نجد هذه الصفحة")));
		mvc.perform(get("/en/no-such-page"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("We could not find this page")));
	}

	@Test
	void aFormWithoutTheBrowsersTokenIsRefusedWithAPage() throws Exception {
		mvc.perform(post("/en/me/address").with(jwt().jwt(token -> token.claim("sub", "c1")))
			.header(CsrfGuard.HEADER, "t0k3n")
			.param("line1", "x"))
			.andExpect(status().isForbidden());
		// which the container's error dispatch shows as the page in the form's language
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/ar/me/address"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(Matchers.containsString("dir=\"rtl\"")))
			.andExpect(content().string(Matchers.containsString("انتهت صلاحية النموذج")));
	}

	@Test
	void aMalformedAddressIsABadRequestPage() throws Exception {
		mvc.perform(get("/en/applications/not-an-id").with(jwt().jwt(token -> token.claim("sub", "c1"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
	}

}
