package dev.rapport.platform.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Values bound to a statement as parameters: named ({@code :p1}, {@code :p2}, ... for a Hibernate native query) or
 * positional ({@code $1}, {@code $2}, ... for the reactive pool). Request values only ever reach SQL through here;
 * SQL text is built from allow-listed expressions alone.
 */
public final class SqlParams {

    private final boolean positional;
    private final List<Object> values = new ArrayList<>();

    private SqlParams(boolean positional) {
        this.positional = positional;
    }

    /** Parameters of a Hibernate native query. */
    public SqlParams() {
        this(false);
    }

    /** Parameters of a statement sent to the reactive pool. */
    public static SqlParams positional() {
        return new SqlParams(true);
    }

    /** Adds a value and returns the placeholder to write into the SQL text. */
    public String bind(Object value) {
        values.add(value);
        return (positional ? "$" : ":p") + values.size();
    }

    /** The named values ({@code p1}, {@code p2}, ...). */
    public Map<String, Object> values() {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            named.put("p" + (i + 1), values.get(i));
        }
        return named;
    }

    /** The positional values, in order; nulls allowed. */
    public Tuple tuple() {
        return Tuple.from(values);
    }
}
