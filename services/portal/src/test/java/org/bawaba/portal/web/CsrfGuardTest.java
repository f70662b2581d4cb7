package org.bawaba.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CsrfGuardTest {

	private final CsrfGuard guard = new CsrfGuard();

	@Test
	void aFormWithTheBrowsersTokenPasses() throws Exception {
		MockHttpServletRequest request = post("t0k3n", "t0k3n");
		MockFilterChain chain = new MockFilterChain();
		guard.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

	@Test
	void aFormWithAnotherTokenOrNoneIsRefused() throws Exception {
		for (MockHttpServletRequest request : new MockHttpServletRequest[] { post("t0k3n", "forged"), post("t0k3n", null),
				post(null, "t0k3n"), post("", "") }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			guard.doFilter(request, response, chain);
			assertThat(chain.getRequest()).isNull();
			assertThat(response.getStatus()).isEqualTo(403);
		}
	}

	@Test
	void readingNeedsNoTokenAndPagesGetItForTheirForms() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ar/me");
		request.addHeader(CsrfGuard.HEADER, "t0k3n");
		MockFilterChain chain = new MockFilterChain();
		guard.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(request.getAttribute(CsrfGuard.ATTRIBUTE)).isEqualTo("t0k3n");
	}

	private static MockHttpServletRequest post(String header, String field) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/en/me/address");
		if (header != null) {
			request.addHeader(CsrfGuard.HEADER, header);
		}
		if (field != null) {
			request.addParameter(CsrfGuard.PARAMETER, field);
		}
		return request;
	}

}
