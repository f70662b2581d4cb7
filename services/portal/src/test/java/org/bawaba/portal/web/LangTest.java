package org.bawaba.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LangTest {

	@Test
	void thePathDecidesTheLanguage() {
		assertThat(Lang.ofPath("/ar/services")).isEqualTo(Lang.AR);
		assertThat(Lang.ofPath("/en")).isEqualTo(Lang.EN);
		assertThat(Lang.ofPath("/arabic")).isNull();
		assertThat(Lang.ofPath("/")).isNull();
		assertThat(Lang.AR.dir()).isEqualTo("rtl");
		assertThat(Lang.EN.dir()).isEqualTo("ltr");
	}

	@Test
	void withoutOneTheBrowsersPreferenceThenArabic() {
		assertThat(Lang.preferred("fr-FR, en;q=0.8, ar;q=0.5")).isEqualTo(Lang.EN);
		assertThat(Lang.preferred("ar-QA")).isEqualTo(Lang.AR);
		assertThat(Lang.preferred("de")).isEqualTo(Lang.AR);
		assertThat(Lang.preferred(null)).isEqualTo(Lang.AR);
		assertThat(Lang.preferred(";;;q=x")).isEqualTo(Lang.AR);
	}

	@Test
	void switchingKeepsThePageAndItsQuery() {
		assertThat(Lang.switched("/en/services/moi-passport", "q=a&page=2")).isEqualTo("/ar/services/moi-passport?q=a&page=2");
		assertThat(Lang.switched("/ar/", null)).isEqualTo("/en/");
		assertThat(Lang.switched("/ar", null)).isEqualTo("/en/");
		assertThat(Lang.switched("/payments/return", "")).isEqualTo("/ar/payments/return");
	}

}
