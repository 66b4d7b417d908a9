package dev.rapport.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Direct reads of the database for invariants the API does not expose yet (the event log before its feed). */
@ApplicationScoped
public class Database {

    @Inject
    AgroalDataSource dataSource;

    public long count(String sql, Object... params) {
        return query(sql, params, rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    public String string(String sql, Object... params) {
        return query(sql, params, rows -> rows.next() ? rows.getString(1) : null);
    }

    public int execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column ({@code table.column}) that holds a customer's id, by its name or by a foreign key. */
    public java.util.SortedSet<String> columnsHoldingCustomerIds() {
        String referencing = string("""
                select string_agg(c, ',' order by c) from (
                    select col.table_name || '.' || col.column_name as c
                    from information_schema.columns col
                    join information_schema.tables t
                        on t.table_schema = col.table_schema and t.table_name = col.table_name
                    where col.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                        and col.column_name = 'customer_id'
                    union
                    select cl.relname || '.' || a.attname
                    from pg_constraint k
                    join pg_class cl on cl.oid = k.conrelid
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
                    where k.contype = 'f' and k.confrelid = 'customer'::regclass) x
                """);
        return new java.util.TreeSet<>(java.util.Arrays.asList(referencing.split(",")));
    }

    /**
     * The columns ({@code table.column}) of text, JSON or array type in which {@code needle} occurs (ignoring case)
     * in some row: a search of the whole schema.
     */
    public java.util.List<String> columnsContaining(String needle) {
        java.util.List<String> columns = new java.util.ArrayList<>();
        for (String column : string("""
                        select string_agg(col.table_name || '.' || col.column_name, ',' order by col.table_name, col.column_name)
                        from information_schema.columns col
                        join information_schema.tables t
                            on t.table_schema = col.table_schema and t.table_name = col.table_name
                        where col.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                            and col.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
                        """).split(",")) {
            String[] parts = column.split("\\.");
            long found = count(
                    "select count(*) from " + parts[0] + " where cast(" + parts[1] + " as text) ilike ?",
                    "%" + needle + "%");
            if (found > 0) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** A transaction holding row locks; closing it rolls back and releases them. */
    public interface Locks extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code sql} (a {@code SELECT ... FOR UPDATE}) in a transaction left open until the result is closed. */
    public Locks lock(String sql, Object... params) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                statement.executeQuery().close();
            }
            Connection locked = connection;
            return () -> {
                try (locked) {
                    locked.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }

    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Object[] params, RowsReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
