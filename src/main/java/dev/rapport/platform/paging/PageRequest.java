package dev.rapport.platform.paging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.SqlParams;

/**
 * The paging part of a list request: how many items, after which cursor, in which order. It also writes the
 * keyset SQL of the page ({@link #keyset}, {@link #orderAndLimit}) and turns the rows fetched into a {@link Page}.
 */
public record PageRequest(int limit, Cursor after, Sort sort) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Validates the raw parameters of a list request.
     *
     * @param limit the requested page size, or null for the default
     * @param after the cursor of the previous page, or null for the first page
     * @param sort the parsed sort order; a cursor made for another order is refused
     */
    public static PageRequest of(String limit, String after, Sort sort) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after);
        if (cursor != null && !cursor.sort().equals(sort.toString())) {
            throw DomainException.invalid(
                    "after", "this cursor belongs to a list sorted by " + cursor.sort() + ", not by " + sort);
        }
        return new PageRequest(size, cursor, sort);
    }

    /** Rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The condition that starts the page after its cursor, {@code (key, id) < ($n, $m)} (or {@code >} ascending), to
     * be joined with {@code and}; {@code true} on the first page.
     *
     * @param id the SQL of the id column that breaks ties between equal sort keys
     */
    public String keyset(String id, SqlParams params) {
        if (after == null) {
            return "true";
        }
        Object key = sort.field().kind() == Sort.Kind.TIMESTAMP ? after.timeKey() : after.key();
        return "(" + sort.field().sql() + ", " + id + ") " + (sort.descending() ? "<" : ">") + " (" + params.bind(key)
                + ", " + params.bind(after.id()) + ")";
    }

    /** {@code order by key, id limit n}: the page's order, with one row more than the page. */
    public String orderAndLimit(String id) {
        String direction = sort.descending() ? " desc" : " asc";
        return " order by " + sort.field().sql() + direction + ", " + id + direction + " limit " + fetchSize();
    }

    /**
     * The page of rows fetched with {@link #fetchSize}: the extra row only tells that more follow. The next cursor
     * holds the last item's sort key, as {@code key} gives it (the value the SQL sort expression has for it), and id.
     */
    public <T> Page<T> page(List<T> rows, Function<T, String> key, Function<T, UUID> id) {
        return Page.of(rows, limit, last -> new Cursor(sort.toString(), key.apply(last), id.apply(last)).encode());
    }
}
