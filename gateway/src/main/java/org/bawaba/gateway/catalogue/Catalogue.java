package org.bawaba.gateway.catalogue;

import java.util.List;

/**
 * {@code GET /catalogue}: every API the gateway publishes.
 *
 * @param openapi the OpenAPI document of every routed service, and the gateway's own
 * @param asyncapi where the AsyncAPI document of the platform's events is served, or
 * {@code null} when the gateway has none
 * @param ui the Swagger UI that shows them all
 */
record Catalogue(List<ApiDocument> openapi, String asyncapi, String ui) {
}
