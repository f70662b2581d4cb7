package org.bawaba.eservices.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

	@Test
	void arabicSpellingVariantsMeet() {
		assertThat(TextNormalizer.normalize("إصدار البطاقةُ الشخصيّة")).isEqualTo(TextNormalizer.normalize("اصدار بطاقه شخصيه"));
		assertThat(TextNormalizer.normalize("آداب أحمد")).isEqualTo("اداب احمد");
		assertThat(TextNormalizer.normalize("مستشفى")).isEqualTo("مستشفي");
		assertThat(TextNormalizer.normalize("رخصـــة")).isEqualTo("رخصه");
		assertThat(TextNormalizer.normalize("والإقامة بالمدينة للأطفال")).isEqualTo("اقامه مدينه اطفال");
	}

	@Test
	void shortWordsKeepTheirLettersAndEnglishIsLowerCasedWithoutPunctuation() {
		assertThat(TextNormalizer.normalize("والد")).isEqualTo("والد");
		assertThat(TextNormalizer.words("Renew a Passport, (online)!")).containsExactly("renew", "a", "passport", "online");
	}

}
