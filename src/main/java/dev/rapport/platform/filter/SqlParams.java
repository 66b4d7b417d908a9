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

    /** The values, in order; nulls allowed. */
    public Tuple tuple() {
        return Tuple.from(values);
    }
}
