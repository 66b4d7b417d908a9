package dev.rapport.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Read-only statements sent straight to the reactive pool, for small batched reads on hot paths (GraphQL's nested
 * fields) where a Hibernate session costs more than the query: opening it, parsing the native SQL and hydrating
 * entities took about 0.25 ms of CPU per field (bench/FINDINGS.md, session 4). Statements run outside any
 * transaction, each on a pooled connection of its own, so concurrent loaders never share one. They are logged at
 * DEBUG under {@code dev.rapport.SQL}, as Hibernate's are under {@code org.hibernate.SQL}.
 */
@ApplicationScoped
public class PooledReads {

    private static final Logger SQL = Logger.getLogger("dev.rapport.SQL");

    private final Pool pool;

    PooledReads(Pool pool) {
        this.pool = pool;
    }

    /** The rows of {@code sql} ({@code $1}, {@code $2} … bound from {@code params}), each mapped. */
    public <T> Uni<List<T>> list(String sql, Tuple params, Function<Row, T> mapper) {
        if (SQL.isDebugEnabled()) {
            SQL.debug(sql);
        }
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<T> mapped = new ArrayList<>(rows.size());
            for (Row row : rows) {
                mapped.add(mapper.apply(row));
            }
            return mapped;
        });
    }
}
