package org.bawaba.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The number of rows in each table of one service's database of the running suite (PostgreSQL on
 * 127.0.0.1:5432, user postgres, the launcher's database names). Left out: the tables that change by
 * themselves, whatever a request does (schema histories, the outbox its relay empties, the inbox of
 * consumed events), audit trails (which record refused attempts on purpose, e.g. procurement's reads of
 * sealed bids), and tables too large to count on every request (their names are kept in
 * {@link #uncounted()}).
 */
final class RowCounts implements AutoCloseable {

    static final String HOST = System.getProperty("bawaba.postgres", "127.0.0.1:5432");

    private static final Set<String> BACKGROUND = Set.of("flyway_schema_history", "bawaba_platform_schema_history",
        "bawaba_outbox", "bawaba_processed_event");

    private static final long LARGE = 200_000;

    private final Connection connection;

    private final List<String> uncounted = new ArrayList<>();

    RowCounts(String database) {
        try {
            this.connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database,
                System.getProperty("bawaba.postgres.user", "postgres"), System.getProperty("bawaba.postgres.password", ""));
            this.connection.setReadOnly(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database " + database + " at " + HOST, e);
        }
    }

    List<String> uncounted() {
        return uncounted;
    }

    /** Rows per {@code schema.table}. */
    Map<String, Long> count() {
        try (Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            uncounted.clear();
            try (ResultSet rs = statement.executeQuery("""
                    select n.nspname, c.relname, c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                      and n.nspname not like 'pg_toast%' order by 1, 2""")) {
                while (rs.next()) {
                    String table = rs.getString(1) + "." + rs.getString(2);
                    if (BACKGROUND.contains(rs.getString(2)) || rs.getString(2).contains("audit")) {
                        continue;
                    }
                    if (rs.getDouble(3) > LARGE) {
                        uncounted.add(table);
                    } else {
                        tables.add(table);
                    }
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            if (tables.isEmpty()) {
                return counts;
            }
            StringBuilder sql = new StringBuilder("select ");
            for (int i = 0; i < tables.size(); i++) {
                String[] parts = tables.get(i).split("\\.", 2);
                sql.append(i == 0 ? "" : ", ").append("(select count(*) from \"").append(parts[0]).append("\".\"")
                    .append(parts[1]).append("\")");
            }
            try (ResultSet rs = statement.executeQuery(sql.toString())) {
                rs.next();
                for (int i = 0; i < tables.size(); i++) {
                    counts.put(tables.get(i), rs.getLong(i + 1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("counting rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only connection at the end of a run: nothing to keep
        }
    }
}
