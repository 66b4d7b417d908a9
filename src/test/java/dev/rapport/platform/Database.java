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
