package org.bawaba.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.ibm.icu.text.MessageFormat;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The portal's messages as pages show them: counts in the plural form each language needs. */
class MessagesTest {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final IcuMessageSource messages = new IcuMessageSource();

	MessagesTest() {
		messages.setBasenames("i18n/common", "i18n/eservices", "i18n/participation", "i18n/opendata", "i18n/procurement",
				"i18n/me");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void arabicCountsTakeTheirPluralForm() {
		assertThat(count("procurement.results", 0, ARABIC)).isEqualTo("لا توجد مناقصات");
		assertThat(count("procurement.results", 1, ARABIC)).isEqualTo("مناقصة واحدة");
		assertThat(count("procurement.results", 2, ARABIC)).isEqualTo("مناقصتان");
		assertThat(count("procurement.results", 3, ARABIC)).isEqualTo("3 مناقصات");
		assertThat(count("procurement.results", 11, ARABIC)).isEqualTo("11 مناقصة");
		assertThat(count("procurement.results", 100, ARABIC)).isEqualTo("100 مناقصة");
		assertThat(count("catalogue.results", 47, ARABIC)).isEqualTo("47 خدمة");
		assertThat(count("catalogue.results", 5, ARABIC)).isEqualTo("5 خدمات");
	}

	@Test
	void englishCountsTooAndNumbersKeepTheirDigits() {
		assertThat(count("catalogue.results", 1, Locale.ENGLISH)).isEqualTo("1 service");
		assertThat(count("catalogue.results", 47, Locale.ENGLISH)).isEqualTo("47 services");
		assertThat(count("inbox.unread", 0, Locale.ENGLISH)).isEqualTo("No unread notices");
		assertThat(count("catalogue.results", 1234, ARABIC)).startsWith("1,234");
	}

	@Test
	void everyMessageIsAPatternIcuReads() throws IOException {
		List<String> read = new ArrayList<>();
		for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
			Properties texts = new Properties();
			try (InputStream in = bundle.getInputStream()) {
				texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			texts.forEach((key, pattern) -> {
				assertThatCode(() -> new MessageFormat(String.valueOf(pattern)).format(new Object[] { 1, 2, 3 }))
					.as(bundle.getFilename() + ": " + key)
					.doesNotThrowAnyException();
				read.add(String.valueOf(key));
			});
		}
		assertThat(read).hasSizeGreaterThan(500);
	}

	private String count(String code, int n, Locale locale) {
		return messages.getMessage(code, new Object[] { n }, locale);
	}

}
