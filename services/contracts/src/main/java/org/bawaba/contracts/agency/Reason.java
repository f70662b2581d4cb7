package org.bawaba.contracts.agency;

/**
 * Why an agency could not do something, in both languages.
 *
 * @param en in English
 * @param ar in Arabic
 */
public record Reason(String en, String ar) {
}
