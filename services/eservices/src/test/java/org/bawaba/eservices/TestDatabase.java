package org.bawaba.eservices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine's PostgreSQL (127.0.0.1:5432, user postgres, trust): a fresh test database per test run. */
public final class TestDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	public static final String URL = fresh("bawaba_eservices_test");

	private TestDatabase() {
	}

	private static String fresh(String database) {
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

	/** The first column of the first row of {@code sql}, as a number. */
	public static long count(String sql, Object... args) {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
				var statement = connection.prepareStatement(sql)) {
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

}
