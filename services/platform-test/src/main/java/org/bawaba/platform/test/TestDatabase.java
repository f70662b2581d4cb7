package org.bawaba.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth): fresh databases for tests. */
public final class TestDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private TestDatabase() {
	}

	/**
	 * Drops and creates {@code database} (name it {@code bawaba_<service>_..._test}) and returns its JDBC URL.
	 * With {@code BAWABA_TEST_DB_SUFFIX} set (letters, digits, underscores), the database is
	 * {@code <database>_<suffix>}: two checkouts can then run the same module's tests at once.
	 */
	public static String fresh(String name) {
		if (!name.matches("[a-z][a-z0-9_]*_test")) {
			throw new IllegalArgumentException("test database names are lower case and end in _test: " + name);
		}
		String suffix = System.getenv().getOrDefault("BAWABA_TEST_DB_SUFFIX", "");
		if (!suffix.matches("[a-z0-9_]*")) {
			throw new IllegalArgumentException("BAWABA_TEST_DB_SUFFIX holds lower-case letters, digits and underscores only");
		}
		String database = suffix.isEmpty() ? name : name + "_" + suffix;
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 with trust auth for user postgres",
					ex);
		}
		return SERVER + database;
	}

	/** The first column of the first row of {@code sql} (with {@code args} bound in order), as a number. */
	public static long count(String url, String sql, Object... args) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where a service's own tables are: not the platform's ({@code bawaba_*}) nor Flyway's. */
	public static final String OWN_TABLES = "table_schema = 'public' and table_name not like 'bawaba\\_%' "
			+ "and table_name not like 'flyway\\_%'";

	/**
	 * {@code table.column} → length of every column of the service's own migrated tables that has one
	 * ({@code varchar(n)}, {@code char(n)}): what the API's text limits must follow.
	 */
	public static Map<String, Integer> columnLengths(String url) {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select table_name, column_name, character_maximum_length "
						+ "from information_schema.columns where character_maximum_length is not null and " + OWN_TABLES
						+ " order by table_name, ordinal_position")) {
			while (rows.next()) {
				lengths.put(rows.getString(1) + "." + rows.getString(2), rows.getInt(3));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return lengths;
	}

	/** Runs {@code sql} (DDL or DML) against {@code url}; for tests that play someone with database access. */
	public static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
