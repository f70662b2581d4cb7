package org.bawaba.contracts.eservices;

/**
 * An agency as a person reads it in a notice.
 *
 * @param agency the agency code, e.g. {@code moi}
 * @param en its name in English
 * @param ar its name in Arabic
 */
public record AgencyTitle(String agency, String en, String ar) {
}
