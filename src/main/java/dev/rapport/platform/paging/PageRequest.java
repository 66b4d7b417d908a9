package dev.rapport.platform.paging;

import dev.rapport.platform.error.DomainException;

/** The paging part of a list request: how many items, after which cursor, in which order. */
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
            throw DomainException.invalid("after", "this cursor belongs to a list sorted by " + cursor.sort()
                    + ", not by " + sort);
        }
        return new PageRequest(size, cursor, sort);
    }

    /** Rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }
}
