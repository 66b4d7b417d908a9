package dev.rapport.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Statements sent straight to the reactive pool, each on a pooled connection of its own and outside any transaction
 * of the caller's, where a Hibernate session costs more than the statement: reads on hot paths (GET of one customer,
 * a page of customers, GraphQL's batched nested fields), and writes that are one statement, which PostgreSQL runs
 * atomically on its own (the webhook sender's claims and attempt records). Opening a session, parsing the native SQL
 * and hydrating entities took about 0.25 ms of CPU per statement (bench/FINDINGS.md, 2026-11-23 cf8c62e); an
 * explicit transaction adds two round trips. Statements are logged at DEBUG under {@code dev.rapport.SQL}, as
 * Hibernate's are under {@code org.hibernate.SQL}.
 */
@ApplicationScoped
public class PooledStatements {

    private static final Logger SQL = Logger.getLogger("dev.rapport.SQL");

    private final Pool pool;

    PooledStatements(Pool pool) {
        this.pool = pool;
    }

    /** The rows of {@code sql} ({@code $1}, {@code $2} … bound from {@code params}), each mapped. */
    public <T> Uni<List<T>> list(String sql, Tuple params, Function<Row, T> mapper) {
        return execute(sql, params).map(rows -> {
            List<T> mapped = new ArrayList<>(rows.size());
            for (Row row : rows) {
                mapped.add(mapper.apply(row));
            }
            return mapped;
        });
    }

    /**
     * Of two texts of one read, the one for a single id ({@code $1} a uuid) or the one for several ({@code $1} a
     * uuid[]); {@link #idParameter} binds the matching {@code $1}. PostgreSQL keeps one plan for all executions of a
     * prepared statement (its generic plan) only while that plan is estimated no dearer than one made for the values
     * at hand, and it estimates an array parameter at 10 elements: a statement over {@code any($1)} or
     * {@code unnest($1)} run for one id was planned again on every execution, which cost more than running it
     * (bench/FINDINGS.md, 2026-11-24 6afcc22). With a uuid parameter the generic plan is kept.
     */
    public static String forIds(List<UUID> ids, String oneId, String severalIds) {
        return ids.size() == 1 ? oneId : severalIds;
    }

    /** {@code $1} of the statement {@link #forIds} chose: the one id, or all of them as an array. */
    public static Tuple idParameter(List<UUID> ids) {
        return ids.size() == 1 ? Tuple.of(ids.get(0)) : Tuple.of(ids.toArray(UUID[]::new));
    }

    /** Runs one statement ({@code $1}, {@code $2} … from {@code params}, nulls allowed) as its own transaction. */
    public Uni<RowSet<Row>> execute(String sql, Tuple params) {
        if (SQL.isDebugEnabled()) {
            SQL.debug(sql);
        }
        return pool.preparedQuery(sql).execute(params);
    }
}
