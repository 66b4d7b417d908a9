package dev.rapport.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: the items, the cursor to pass as {@code after} for the next page, and whether there is one.
 * The same shape serves REST and GraphQL.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(
        @Schema(description = "The items of this page") List<T> data,

        @Schema(description = "Opaque cursor to pass as `after` to get the next page; null on the last page")
        String nextCursor,

        @Schema(description = "Whether another page follows")
        boolean hasMore) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), nextCursor, hasMore);
    }

    /**
     * Builds a page from a result fetched with {@code limit + 1} rows: the extra row only tells that more follow.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        boolean hasMore = rows.size() > limit;
        List<T> data = hasMore ? rows.subList(0, limit) : rows;
        String next = hasMore ? cursorOf.apply(data.get(data.size() - 1)) : null;
        return new Page<>(List.copyOf(data), next, hasMore);
    }
}
