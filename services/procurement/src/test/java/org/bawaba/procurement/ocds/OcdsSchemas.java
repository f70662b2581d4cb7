package org.bawaba.procurement.ocds;

import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The official OCDS 1.1.5 package schemas (draft-04), from {@code src/test/resources/ocds}: their public
 * URLs are mapped to the local copies, so validation needs no network.
 */
final class OcdsSchemas {

	private static final String BASE = "https://standard.open-contracting.org/schema/1__1__5/";

	private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
			builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:ocds/")));

	static final JsonSchema RELEASE_PACKAGE = load("release-package-schema.json");

	static final JsonSchema RECORD_PACKAGE = load("record-package-schema.json");

	private OcdsSchemas() {
	}

	private static JsonSchema load(String name) {
		JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + name));
		schema.initializeValidators();
		return schema;
	}

	/** The errors of {@code json} against {@code schema}; empty when valid. */
	static Set<ValidationMessage> errors(JsonSchema schema, String json) {
		return schema.validate(json, InputFormat.JSON);
	}

	/** Whether the test really validates: a broken document must fail. */
	static boolean rejects(JsonSchema schema, String json) {
		return !errors(schema, json).isEmpty();
	}

}
