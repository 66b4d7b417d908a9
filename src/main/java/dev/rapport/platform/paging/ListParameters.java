package dev.rapport.platform.paging;

import java.util.Map;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.rapport.platform.web.QueryParameters;
import io.vertx.core.http.HttpServerRequest;

/**
 * The query parameters of a filtered, sorted, searchable list ({@code @BeanParam}): paging, an RSQL {@code filter},
 * {@code sort} and a free-text {@code q}. The operation's description names the fields each takes.
 */
public class ListParameters extends PageParameters {

    @Parameter(description = "RSQL filter expression over the fields the operation's description names")
    @QueryParam("filter")
    String filter;

    @Parameter(description = "Sort field, prefixed with - for descending; the operation's description names them")
    @QueryParam("sort")
    String sort;

    @Parameter(description = "Free-text search; case- and accent-insensitive, partial")
    @QueryParam("q")
    String q;

    @Context
    HttpServerRequest request;

    /** The same parameters from another API (GraphQL's arguments). */
    public static ListParameters of(Integer limit, String after, String filter, String sort, String q) {
        ListParameters parameters = new ListParameters();
        parameters.limit = limit == null ? null : limit.toString();
        parameters.after = after;
        parameters.filter = filter;
        parameters.sort = sort;
        parameters.q = q;
        return parameters;
    }

    /** The RSQL filter, with any raw {@code ;} kept in it, or null. */
    public String filter() {
        return request == null ? filter : QueryParameters.keepingSemicolons(request, "filter", filter);
    }

    /** The search text, with any raw {@code ;} kept in it, or null. */
    public String query() {
        return request == null ? q : QueryParameters.keepingSemicolons(request, "q", q);
    }

    /** The page asked for, in the order {@code sort} names among {@code sorts} ({@code defaultSort} without one). */
    public PageRequest page(Map<String, Sort.SortField> sorts, Sort defaultSort) {
        return page(Sort.parse(sort, sorts, defaultSort));
    }
}
