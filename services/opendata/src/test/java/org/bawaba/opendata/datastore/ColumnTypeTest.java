package org.bawaba.opendata.datastore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {

	@Test
	void theNarrowestTypeOfAValue() {
		assertThat(ColumnType.of("42")).isEqualTo(ColumnType.INT);
		assertThat(ColumnType.of("-3.5e2")).isEqualTo(ColumnType.NUMERIC);
		assertThat(ColumnType.of("12345678901234567890")).isEqualTo(ColumnType.NUMERIC);
		assertThat(ColumnType.of("TRUE")).isEqualTo(ColumnType.BOOL);
		assertThat(ColumnType.of("2024-02-29")).isEqualTo(ColumnType.DATE);
		assertThat(ColumnType.of("2023-02-29")).isEqualTo(ColumnType.TEXT);
		assertThat(ColumnType.of("2024-01-15 10:00")).isEqualTo(ColumnType.TIMESTAMP);
		assertThat(ColumnType.of("2024-01-15T10:00:00.5+03:00")).isEqualTo(ColumnType.TIMESTAMPTZ);
		assertThat(ColumnType.of("٤٢")).isEqualTo(ColumnType.TEXT);
		assertThat(ColumnType.of("NaN")).isEqualTo(ColumnType.TEXT);
	}

	@Test
	void columnsWidenToWhatEveryValueFits() {
		assertThat(ColumnType.widen(ColumnType.widen(null, "1"), "2.5")).isEqualTo(ColumnType.NUMERIC);
		assertThat(ColumnType.widen(ColumnType.DATE, "2024-01-01T10:00")).isEqualTo(ColumnType.TIMESTAMP);
		assertThat(ColumnType.widen(ColumnType.INT, "true")).isEqualTo(ColumnType.TEXT);
		assertThat(ColumnType.widen(ColumnType.TEXT, "1")).isEqualTo(ColumnType.TEXT);
	}

}
