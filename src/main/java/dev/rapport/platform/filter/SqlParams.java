package dev.rapport.platform.filter;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Values bound as the positional parameters ({@code $1}, {@code $2}, ...) of a statement sent to the reactive pool.
 * Request values only ever reach SQL through here; SQL text is built from allow-listed expressions alone.
 */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    /** Adds a value and returns the placeholder to write into the SQL text. */
    public String bind(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    /** The values, in order. */
    public List<Object> values() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * {@code sql} with its {@code $n} placeholders written as the ordinal parameters ({@code ?n}) of a native query
     * of a Hibernate session, to be bound from {@link #values} in order: how a compiled filter runs inside a write
     * transaction. The SQL text is built from allow-listed expressions, which hold no {@code $} of their own.
     */
    public static String ordinal(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1");
    }

    /** The values, in order; nulls allowed. */
    public Tuple tuple() {
        return Tuple.from(values);
    }
}
