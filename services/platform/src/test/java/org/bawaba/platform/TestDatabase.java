package org.bawaba.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL (127.0.0.1:5432, user postgres): one fresh database per test class. */
public final class TestDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private TestDatabase() {
	}

	/** Drops and creates {@code bawaba_platform_<name>_test} and returns its JDBC URL. */
	public static String fresh(String name) {
		String database = "bawaba_platform_" + name + "_test";
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

	/** Counts rows with a query against {@code url}. */
	public static long count(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
