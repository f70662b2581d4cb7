package org.bawaba.opendata.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

	@Test
	void arabicFormsMeet() {
		assertThat(TextNormalizer.words("الصحّة العامة")).containsExactly("صحه", "عامه");
		assertThat(TextNormalizer.words("أحمد إبراهيم آمنة")).containsExactly("احمد", "ابراهيم", "امنه");
		assertThat(TextNormalizer.words("مستشفى")).containsExactly("مستشفي");
		assertThat(TextNormalizer.words("Water, QUALITY!")).containsExactly("water", "quality");
		assertThat(TextNormalizer.words("٢٠٢٤")).containsExactly("2024");
	}

	@Test
	void tsvectorAndPrefixQueryAreQuoted() {
		assertThat(TextNormalizer.tsvector(List.of("O'Brien road", "road"))).isEqualTo("'o' 'brien' 'road'");
		assertThat(TextNormalizer.prefixQuery("الجوازات جديد")).isEqualTo("'جوازات':* & 'جديد':*");
		assertThat(TextNormalizer.prefixQuery("  ,. ")).isNull();
	}

}
