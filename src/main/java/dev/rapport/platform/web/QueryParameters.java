package dev.rapport.platform.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Query parameters whose values may hold a raw {@code ;}. Vert.x, and so RESTEasy Reactive's {@code @QueryParam},
 * splits a query string at {@code ;} as well as at {@code &} (an HTML 4 convention, dropped by the URL standard):
 * {@code ?filter=tags==vip;attributes.score=ge=50} arrived as {@code tags==vip}, and the caller got customers the
 * second condition excludes, with no error. RSQL joins conditions with {@code ;}, and a search text may hold one.
 * Quarkus makes this configurable after 3.34 ({@code quarkus.http.use-semicolon-as-query-param-delimiter}); in 3.34
 * RESTEasy Reactive reads the routing context's own parse of the query, which no filter can redo, so the parameters
 * that take free text ({@code filter}, {@code q}) are read again here. The others never hold a {@code ;}.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /**
     * The value of query parameter {@code name} with any raw {@code ;} kept in it; {@code parsed} (what
     * {@code @QueryParam} gave) when the query string has no {@code ;}, so most requests are not parsed twice.
     */
    public static String keepingSemicolons(HttpServerRequest request, String name, String parsed) {
        String query = request.query();
        return query == null || query.indexOf(';') < 0
                ? parsed
                : request.params(true).get(name);
    }
}
