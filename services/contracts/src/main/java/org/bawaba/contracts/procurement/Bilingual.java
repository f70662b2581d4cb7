package org.bawaba.contracts.procurement;

/**
 * A text in English and Arabic.
 *
 * @param en English
 * @param ar Arabic
 */
public record Bilingual(String en, String ar) {

}
