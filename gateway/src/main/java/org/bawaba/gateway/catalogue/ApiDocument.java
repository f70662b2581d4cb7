package org.bawaba.gateway.catalogue;

/**
 * One OpenAPI document in the catalogue, in the shape Swagger UI's {@code urls} takes.
 *
 * @param name the service's name ({@code gateway} for the gateway's own endpoints)
 * @param url where the gateway serves the document
 */
record ApiDocument(String name, String url) {
}
