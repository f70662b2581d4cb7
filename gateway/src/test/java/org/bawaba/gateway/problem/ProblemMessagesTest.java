package org.bawaba.gateway.problem;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller's language, and every problem worded in both languages. */
class ProblemMessagesTest {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private final ProblemMessages messages = new ProblemMessages();

	@Test
	void theLanguageIsTheCallersPreferredOfArabicAndEnglishElseEnglish() {
		assertThat(ProblemMessages.locale("ar")).isEqualTo(ARABIC);
		assertThat(ProblemMessages.locale("ar-QA,ar;q=0.9")).isEqualTo(ARABIC);
		assertThat(ProblemMessages.locale("fr-FR, ar;q=0.5, en;q=0.4")).isEqualTo(ARABIC);
		assertThat(ProblemMessages.locale("en-US,en;q=0.9,ar;q=0.8")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.locale("fr")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.locale(null)).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.locale(";;;q=x")).isEqualTo(Locale.ENGLISH);
		assertThat(ProblemMessages.locale("*")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void everyProblemHasATitleAndADetailInBothLanguages() {
		for (ProblemType type : ProblemType.values()) {
			for (Locale locale : new Locale[] { Locale.ENGLISH, ARABIC }) {
				Problem problem = this.messages.problem(type, null, locale, "/x", "opendata", 1);
				assertThat(problem.type().toString()).isEqualTo("https://bawaba.org/problems/" + type.slug());
				assertThat(problem.status()).isEqualTo(type.status().value());
				assertThat(problem.title()).as(type + " " + locale).isNotBlank().doesNotStartWith("problem.");
				assertThat(problem.detail()).as(type + " " + locale).isNotBlank().doesNotStartWith("problem.")
					.doesNotContain("{0}").doesNotContain("{1}");
				if (locale.equals(ARABIC)) {
					assertThat(problem.title()).as(type + " in Arabic").containsPattern("\\p{IsArabic}");
				}
			}
		}
	}

	@Test
	void detailsNameTheServiceAndTheWait() {
		assertThat(this.messages.problem(ProblemType.TOO_MANY_REQUESTS, null, Locale.ENGLISH, "/x", "opendata", 1).detail())
			.isEqualTo("Too many requests to the service “opendata”; try again in one second.");
		assertThat(this.messages.problem(ProblemType.TOO_MANY_REQUESTS, null, ARABIC, "/x", "opendata", 2).detail())
			.isEqualTo("طلبات كثيرة جدًا إلى الخدمة «opendata»؛ حاول مجددًا بعد ثانيتين.");
		assertThat(this.messages.problem(ProblemType.PAYLOAD_TOO_LARGE, null, ARABIC, "/x", "1048576").detail())
			.contains("1048576");
	}

}
