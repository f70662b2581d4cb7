package org.bawaba.platform.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.bawaba.platform.security.PlatformSecurityAutoConfiguration;
import org.bawaba.platform.web.WebAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bad input of every kind is a 4xx problem+json, never a 500. */
@WebMvcTest(controllers = ProblemHandlerTest.OrderController.class, properties = "bawaba.web.max-body-size=1KB")
@org.springframework.context.annotation.Import(ProblemHandlerTest.OrderController.class)
@ImportAutoConfiguration({ ProblemAutoConfiguration.class, WebAutoConfiguration.class,
		PlatformSecurityAutoConfiguration.class })
class ProblemHandlerTest {

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor citizen() {
		return jwt().jwt(token -> token.subject("sub-1"));
	}

	@Test
	void malformedJsonIs400WithTypeTitleAndCorrelationId() throws Exception {
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.APPLICATION_JSON).content("{\"item\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/malformed-body"))
			.andExpect(jsonPath("$.title").value("Malformed request body"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.instance").value("/orders"))
			.andExpect(jsonPath("$.correlationId", notNullValue()))
			.andExpect(header().exists("X-Correlation-Id"));
	}

	@Test
	void correlationIdFromTheRequestIsEchoedInHeaderAndBody() throws Exception {
		mvc.perform(post("/orders").with(citizen()).header("X-Correlation-Id", "abc-123")
			.contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("X-Correlation-Id", "abc-123"))
			.andExpect(jsonPath("$.correlationId").value("abc-123"));
	}

	@Test
	void wrongTypeIs400NamingTheField() throws Exception {
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\"tea\",\"quantity\":\"many\",\"colour\":\"RED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/invalid-value"))
			.andExpect(jsonPath("$.detail", containsString("quantity")));
	}

	@Test
	void unknownEnumValueIs400ListingTheAllowedValues() throws Exception {
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\"tea\",\"quantity\":1,\"colour\":\"PURPLE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/invalid-enum"))
			.andExpect(jsonPath("$.detail", containsString("colour")))
			.andExpect(jsonPath("$.detail", containsString("RED, GREEN")));
	}

	@Test
	void validationErrorsListEveryField() throws Exception {
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\" \",\"quantity\":0,\"colour\":\"RED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/validation-failed"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.field=='item')].message", notNullValue()))
			.andExpect(jsonPath("$.errors[?(@.field=='quantity')].message", notNullValue()));
	}

	@Test
	void arabicWhenAcceptLanguageAsksForIt() throws Exception {
		mvc.perform(post("/orders").with(citizen()).header("Accept-Language", "ar")
			.contentType(MediaType.APPLICATION_JSON).content("{"))
			.andExpect(status().isBadRequest())
			.andExpect(content().encoding("UTF-8"))
			.andExpect(jsonPath("$.title").value("محتوى الطلب غير سليم"));
	}

	@Test
	void oversizeBodyIs413() throws Exception {
		String big = "{\"item\":\"" + "x".repeat(2000) + "\",\"quantity\":1,\"colour\":\"RED\"}";
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.APPLICATION_JSON).content(big))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/payload-too-large"))
			.andExpect(jsonPath("$.correlationId", notNullValue()));
	}

	@Test
	void pathVariableOfTheWrongTypeIs400() throws Exception {
		mvc.perform(get("/orders/abc").with(citizen()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/invalid-parameter"))
			.andExpect(jsonPath("$.detail", containsString("id")));
	}

	@Test
	void wrongMediaTypeIs415AndWrongMethodIs405() throws Exception {
		mvc.perform(post("/orders").with(citizen()).contentType(MediaType.TEXT_PLAIN).content("tea"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/unsupported-media-type"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/orders")
			.with(citizen()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/method-not-allowed"));
	}

	@Test
	void unknownPathIs404Problem() throws Exception {
		mvc.perform(get("/nothing-here").with(citizen()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/not-found"));
	}

	@Test
	void unexpectedErrorIs500WithoutLeakingTheMessage() throws Exception {
		mvc.perform(get("/boom").with(citizen()))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/internal-error"))
			.andExpect(content().string(not(containsString("database password"))));
	}

	@Test
	void serviceProblemExceptionUsesTheSlug() throws Exception {
		mvc.perform(get("/orders/404").with(citizen()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://bawaba.org/problems/order-not-found"))
			.andExpect(jsonPath("$.title").value("Not Found"));
	}

	enum Colour {

		RED, GREEN

	}

	@Test
	void validationMessagesReadRightInArabic() throws Exception {
		// Hibernate Validator's own Arabic writes "or equal to" backwards ("يواسي وأ"); the platform's reads right
		mvc.perform(post("/orders").with(citizen()).header("Accept-Language", "ar").contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\"tea\",\"quantity\":1,\"price\":-1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("price"))
			.andExpect(jsonPath("$.errors[0].message").value("يجب أن تكون أكبر من أو تساوي 0.00"));
		mvc.perform(post("/orders").with(citizen()).header("Accept-Language", "ar").contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\"tea\",\"quantity\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("يجب أن تكون أكبر من أو تساوي 1"));
	}

	record OrderRequest(@NotBlank String item, @Min(1) int quantity, Colour colour,
			@jakarta.validation.constraints.DecimalMin("0.00") java.math.@org.jspecify.annotations.Nullable BigDecimal price) {
	}

	@RestController
	static class OrderController {

		@PostMapping("/orders")
		OrderRequest create(@Valid @RequestBody OrderRequest order) {
			return order;
		}

		@GetMapping("/orders/{id}")
		String get(@PathVariable int id) {
			if (id == 404) {
				throw new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "order-not-found", id);
			}
			return "order " + id;
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("database password is hunter2");
		}

	}

}
