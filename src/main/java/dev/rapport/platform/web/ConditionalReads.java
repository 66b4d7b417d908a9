package dev.rapport.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads for every REST read that answers with an ETag: a GET whose If-None-Match holds the tag (or
 * {@code *}) is answered 304 Not Modified, with the ETag and without a body, so that an app on a poor network
 * revalidates what it holds for a few bytes. Tags compare weakly (RFC 9110 §13.1.2: {@code W/"3"} matches
 * {@code "3"}). A read that evaluates its preconditions itself (a customer) has answered 304 already.
 */
public class ConditionalReads {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return;
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (ifNoneMatch == null || etag == null) {
            return;
        }
        String tag = etag instanceof EntityTag entity ? entity.getValue() : opaque(etag.toString());
        if (matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** Whether an If-None-Match list holds {@code *} or the tag (weakly). */
    static boolean matches(String ifNoneMatch, String tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || opaque(value).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The quoted part of a tag, without W/ and the quotes. */
    static String opaque(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
