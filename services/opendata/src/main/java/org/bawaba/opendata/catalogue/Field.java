package org.bawaba.opendata.catalogue;

/**
 * A datastore column, as CKAN describes it.
 *
 * @param id the column name, as in the file's header
 * @param type {@code int}, {@code numeric}, {@code bool}, {@code date}, {@code timestamp}, {@code timestamptz} or {@code text}
 */
public record Field(String id, String type) {
}
