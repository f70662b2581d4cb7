package org.bawaba.opendata.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One normal form for indexed text and queries, in English and Arabic, so that a search finds a word
 * however it was written: lower case; Arabic without diacritics and tatweel; the alef forms أ إ آ ٱ as
 * ا, ى as ي, ة as ه; Arabic-Indic digits as ASCII digits; a leading definite article (ال، وال، بال، لل)
 * removed, so that "الصحة" and "صحه" meet. Words are runs of letters and digits.
 */
public final class TextNormalizer {

	private static final String[] ARTICLES = { "وال", "بال", "لل", "ال" };

	private TextNormalizer() {
	}

	/** The normalised words of {@code text}, in order, repeats kept. */
	public static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
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
	public static String normalize(String text) {
		return String.join(" ", words(text));
	}

	/**
	 * The distinct normalised words of {@code texts} as a PostgreSQL {@code tsvector} literal
	 * ({@code 'w1' 'w2'}), the form the datastore stores in {@code _full_text}.
	 */
	public static String tsvector(Iterable<String> texts) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String text : texts) {
			distinct.addAll(words(text));
		}
		return distinct.stream().map(TextNormalizer::lexeme).collect(Collectors.joining(" "));
	}

	/**
	 * A {@code tsquery} matching every word of {@code query} as a prefix ({@code 'w1':* & 'w2':*}), or
	 * null when the query has no words.
	 */
	public static String prefixQuery(String query) {
		List<String> words = words(query);
		if (words.isEmpty()) {
			return null;
		}
		return words.stream().distinct().map(word -> lexeme(word) + ":*").collect(Collectors.joining(" & "));
	}

	private static String lexeme(String word) {
		return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/** 0 drops the character. */
	private static int map(int c) {
		if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
			return 0;
		}
		if (c >= 0x0660 && c <= 0x0669) {
			return '0' + (c - 0x0660);
		}
		if (c >= 0x06F0 && c <= 0x06F9) {
			return '0' + (c - 0x06F0);
		}
		return switch (c) {
			case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627;
			case 0x0649 -> 0x064A;
			case 0x0629 -> 0x0647;
			default -> c;
		};
	}

	private static String stripArticle(String word) {
		for (String article : ARTICLES) {
			if (word.startsWith(article) && word.length() - article.length() >= 2) {
				return word.substring(article.length());
			}
		}
		return word;
	}

}
