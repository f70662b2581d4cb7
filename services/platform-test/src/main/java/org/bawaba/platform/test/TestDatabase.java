package org.bawaba.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth): fresh databases for tests. */
public final class TestDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private TestDatabase() {
	}

	/** Drops and creates {@code database} (name it {@code bawaba_<service>_..._test}) and returns its JDBC URL. */
	public static String fresh(String database) {
		if (!database.matches("[a-z][a-z0-9_]*_test")) {
			throw new IllegalArgumentException("test database names are lower case and end in _test: " + database);
		}
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
