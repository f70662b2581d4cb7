package org.bawaba.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.bawaba.platform.problem.ProblemAutoConfiguration;
import org.bawaba.platform.web.WebAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Caller injection, realm roles, and the own-resource / own-agency rules answering 401/403 problems. */
@WebMvcTest(controllers = CallerAndSecurityTest.RulesController.class)
@org.springframework.context.annotation.Import(CallerAndSecurityTest.RulesController.class)
@ImportAutoConfiguration({ ProblemAutoConfiguration.class, WebAutoConfiguration.class,
		PlatformSecurityAutoConfiguration.class })
class CallerAndSecurityTest {

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor token(String sub, String agency, String... roles) {
		return jwt().jwt(jwt -> {
			jwt.subject(sub).claim("realm_access", Map.of("roles", List.of(roles))).claim("locale", "ar");
			jwt.claim("national_id", "28400000000");
			if (agency != null) {
				jwt.claim("agency", agency);
			}
		}).authorities(jwt -> new KeycloakJwtConverter().convert(jwt).getAuthorities());
	}

	@Test
	void noTokenIs401ProblemWithBearerChallenge() throws Exception {
		mvc.perform(get("/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/unauthorized"))
			.andExpect(jsonPath("$.correlationId").exists());
	}

	@Test
	void healthIsOpen() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().is(org.hamcrest.Matchers.not(401)));
	}

	@Test
	void callerCarriesTheTokenClaims() throws Exception {
		mvc.perform(get("/me").with(token("sub-1", null, "citizen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("sub-1"))
			.andExpect(jsonPath("$.nationalId").value("28400000000"))
			.andExpect(jsonPath("$.roles[0]").value("citizen"))
			.andExpect(jsonPath("$.locale").value("ar"));
	}

	@Test
	void ownResourceOnly() throws Exception {
		mvc.perform(get("/owned-by/sub-1").with(token("sub-1", null, "citizen"))).andExpect(status().isOk());
		mvc.perform(get("/owned-by/sub-2").with(token("sub-1", null, "citizen")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/forbidden-not-owner"));
		mvc.perform(get("/owned-by/sub-2").with(token("admin", null, "platform-admin"))).andExpect(status().isOk());
	}

	@Test
	void ownAgencyOnly() throws Exception {
		mvc.perform(get("/agencies/moh").with(token("s", "moh", "agency-staff"))).andExpect(status().isOk());
		mvc.perform(get("/agencies/moi").with(token("s", "moh", "agency-staff")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/forbidden-other-agency"));
		mvc.perform(get("/agencies/moh").with(token("c", "moh", "citizen")))
			.andExpect(status().isForbidden());
	}

	@Test
	void realmRolesAreAuthorities() throws Exception {
		mvc.perform(get("/staff-only").with(token("s", "moh", "agency-staff"))).andExpect(status().isOk());
		mvc.perform(get("/staff-only").with(token("c", null, "citizen")).header("Accept-Language", "ar"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/forbidden"))
			.andExpect(jsonPath("$.title").value("غير مسموح"));
	}

	@RestController
	static class RulesController {

		@GetMapping("/me")
		Caller me(Caller caller) {
			return caller;
		}

		@GetMapping("/owned-by/{owner}")
		String owned(Caller caller, @PathVariable String owner) {
			caller.requireOwner(owner);
			return "ok";
		}

		@GetMapping("/agencies/{agency}")
		String agency(Caller caller, @PathVariable String agency) {
			caller.requireAgency(agency);
			return "ok";
		}

		@GetMapping("/staff-only")
		@PreAuthorize("hasRole('agency-staff')")
		String staff() {
			return "ok";
		}

	}

}
