package org.bawaba.participation;

import static org.assertj.core.api.Assertions.assertThat;

import org.bawaba.platform.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The API's length limits come from the schema. Every text column of this service is {@code text}, so no
 * request text has a limit to follow from a column (the limits of the requests are the API's own). A
 * migration that gives a column a length ({@code varchar(n)}, {@code char(n)}) fails here: the request
 * texts stored in it then need {@code @Size(max = n)}, held to the column by a table of request
 * components and columns as in procurement's {@code SchemaLimitsIT}.
 */
class SchemaLimitsIT extends ParticipationIT {

	@Test
	void noColumnOfTheServiceHasALengthThatARequestTextCouldExceed() {
		assertThat(TestDatabase.columnLengths(DATABASE))
			.as("columns with a length (limit the request texts stored in them, and test it)")
			.isEmpty();
		assertThat(TestDatabase.count(DATABASE, "select count(*) from information_schema.columns "
				+ "where data_type = 'text' and " + TestDatabase.OWN_TABLES))
			.as("the service's text columns, migrated").isPositive();
	}

}
