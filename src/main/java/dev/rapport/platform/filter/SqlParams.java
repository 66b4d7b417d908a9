package dev.rapport.platform.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values bound to a native query as named parameters ({@code :p1}, {@code :p2}, ...). Request values only ever
 * reach SQL through here; SQL text is built from allow-listed expressions alone.
 */
public final class SqlParams {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a value and returns the placeholder to write into the SQL text. */
    public String bind(Object value) {
        String name = "p" + (values.size() + 1);
        values.put(name, value);
        return ":" + name;
    }

    public Map<String, Object> values() {
        return values;
    }
}
