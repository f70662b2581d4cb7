package org.bawaba.procurement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What someone holding the database sees: every row of every table, and single values. */
public final class DatabaseDump {

	private DatabaseDump() {
	}

	/** Every row of every table of the public schema as PostgreSQL's text form (bytea as hex). */
	public static String allRows(String url) {
		StringBuilder dump = new StringBuilder();
		try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = connection.createStatement().executeQuery(
					"select tablename from pg_tables where schemaname = 'public'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = connection.createStatement().executeQuery(
						"select t::text from \"" + table + "\" t")) {
					while (rs.next()) {
						dump.append(table).append(": ").append(rs.getString(1)).append('\n');
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return dump.toString();
	}

	/** The bytes of the first column of the first row of {@code sql}. */
	public static byte[] bytes(String url, String sql, Object... args) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getBytes(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
