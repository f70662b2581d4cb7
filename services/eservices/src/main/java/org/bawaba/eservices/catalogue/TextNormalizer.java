package org.bawaba.eservices.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One normal form for indexed text and queries, in English and Arabic: lower case; Arabic without
 * diacritics and tatweel, alef forms أ إ آ ٱ as ا, ى as ي, ة as ه, and a leading definite article
 * (ال، وال، بال، لل) removed, so that "الجوازات" and "جوازات" meet.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	/** The normalised words of {@code text}: letters and digits only. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		text.codePoints().forEach(c -> {
			int mapped = map(c);
			if (mapped == 0) {
				return;
			}
			if (Character.isLetterOrDigit(mapped)) {
				word.appendCodePoint(Character.toLowerCase(mapped));
			}
			else if (!word.isEmpty()) {
				words.add(stripArticle(word.toString()));
				word.setLength(0);
			}
		});
		if (!word.isEmpty()) {
			words.add(stripArticle(word.toString()));
		}
		return words;
	}

	/** {@code text} as normalised words separated by single spaces. */
	static String normalize(String text) {
		return String.join(" ", words(text)).toLowerCase(Locale.ROOT);
	}

	/** 0 drops the character. */
	private static int map(int c) {
		if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
			return 0;
		}
		return switch (c) {
			case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627;
			case 0x0649 -> 0x064A;
			case 0x0629 -> 0x0647;
			default -> c;
		};
	}

	private static String stripArticle(String word) {
		for (String article : new String[] { "وال", "بال", "لل", "ال" }) {
			if (word.startsWith(article) && word.length() - article.length() >= 2) {
				return word.substring(article.length());
			}
		}
		return word;
	}

}
