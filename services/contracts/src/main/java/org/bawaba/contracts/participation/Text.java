package org.bawaba.contracts.participation;

/**
 * A text a person reads, in English and Arabic: {@code {"en": "...", "ar": "..."}}.
 *
 * @param en the English text
 * @param ar the Arabic text
 */
public record Text(String en, String ar) {
}
