package dev.rapport.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.PlainText;
import dev.rapport.platform.security.RateLimits;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.exceptions.ParseCancelledException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the HTTP envelope of a GraphQL request before SmallRye GraphQL reads it, so that what is not a GraphQL
 * request is answered as every other refusal is, with a problem document: a method other than POST (405), a body
 * that is not {@code application/json} (415), larger than the body limit (413), empty, not JSON, naming a field
 * twice, or not of the shape {@code {"query": string, "variables": object, "operationName": string, "extensions":
 * object}} (400 {@code malformed-request}), variables with control characters ({@code PlainText}), or a query that does not parse (400, a GraphQL error document with the
 * place of the error). Whatever fails further on this route is a problem document too, without
 * a stack trace. Errors inside a well-formed request are GraphQL errors with a code ({@code GraphQLErrors}).
 */
@ApplicationScoped
public class GraphQLRequests {

    private static final Logger LOG = Logger.getLogger(GraphQLRequests.class);

    private final HttpProblems problems;
    private final ObjectMapper json;
    private final Set<String> parsed = ConcurrentHashMap.newKeySet();

    private static final int MAX_REMEMBERED = 1000;
    private static final int MAX_REMEMBERED_LENGTH = 10_000;

    GraphQLRequests(HttpProblems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    void install(@Observes Router router) {
        // after the GraphQL admission (a waiting request holds no body), before the GraphQL route, whose own body
        // handler then finds the body read
        router.route("/graphql")
                .order(RateLimits.GRAPHQL_ORDER + 2)
                .handler(problems::readBody)
                .handler(this::check)
                .failureHandler(this::failed);
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "GraphQL requests are POSTed as application/json");
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !mediaType(type).equals("application/json")) {
            problems.send(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, "GraphQL requests are POSTed as application/json");
            return;
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, "The request body is empty; send {\"query\": \"...\"}");
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            problems.send(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    DomainException.malformed(e).getMessage());
            return;
        } catch (IOException e) {
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, "The request body is not JSON");
            return;
        }
        String malformed = malformed(request);
        if (malformed != null) {
            problems.send(ctx, ProblemType.MALFORMED_REQUEST, malformed);
            return;
        }
        InvalidSyntaxException syntax = syntaxError(request.get("query").textValue());
        if (syntax != null) {
            syntaxError(ctx, syntax);
            return;
        }
        ctx.next();
    }

    /** What is wrong with the shape of a request, or null when it is a GraphQL request document. */
    private static String malformed(JsonNode request) {
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object: {\"query\": \"...\", \"variables\": {...}}";
        }
        if (!request.path("query").isTextual()) {
            return "query: must be a string holding the GraphQL document";
        }
        if (!absentOr(request, "variables", JsonNode::isObject)) {
            return "variables: must be an object";
        }
        if (!absentOr(request, "operationName", JsonNode::isTextual)) {
            return "operationName: must be a string";
        }
        if (!absentOr(request, "extensions", JsonNode::isObject)) {
            return "extensions: must be an object";
        }
        return controlCharacters("variables", request.get("variables"));
    }

    /** Where a variable's text holds a control character (PlainText's rule), or null. */
    private static String controlCharacters(String path, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual() && PlainText.controlAt(value.textValue()) >= 0) {
            return path + ": " + PlainText.refusal(value.textValue());
        }
        if (value.isObject()) {
            for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) value::fields) {
                String found = controlCharacters(path + "." + field.getKey(), field.getValue());
                if (found != null) {
                    return found;
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String found = controlCharacters(path + "[" + i + "]", value.get(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The syntax error of a document, or null. SmallRye GraphQL parses the document before graphql-java runs and
     * answers a syntax error with a bare "Unparseable input document", without a code or the place of the error;
     * parsing it here first gives the caller both. Documents that parsed are remembered (the same few queries
     * arrive again and again), so a valid one is parsed here once.
     */
    private InvalidSyntaxException syntaxError(String query) {
        if (parsed.contains(query)) {
            return null;
        }
        try {
            Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return e;
        }
        if (query.length() <= MAX_REMEMBERED_LENGTH) {
            if (parsed.size() >= MAX_REMEMBERED) {
                parsed.clear();
            }
            parsed.add(query);
        }
        return null;
    }

    /** A GraphQL error document (GraphQL over HTTP: 400 for a document that does not parse). */
    private void syntaxError(RoutingContext ctx, InvalidSyntaxException e) {
        ProblemType type =
                e instanceof ParseCancelledException ? ProblemType.QUERY_TOO_COMPLEX : ProblemType.MALFORMED_REQUEST;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.getMessage());
        if (e.getLocation() != null) {
            error.put(
                    "locations",
                    List.of(Map.of(
                            "line",
                            e.getLocation().getLine(),
                            "column",
                            e.getLocation().getColumn())));
        }
        error.put(
                "extensions",
                Map.of(
                        "code",
                        type.code(),
                        "classification",
                        "InvalidSyntax",
                        "requestId",
                        RequestIds.of(ctx.request())));
        try {
            ctx.response()
                    .setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/graphql-response+json; charset=UTF-8")
                    .end(json.writeValueAsString(Map.of("errors", List.of(error))));
        } catch (JsonProcessingException failure) {
            ctx.fail(failure);
        }
    }

    private static boolean absentOr(JsonNode request, String field, java.util.function.Predicate<JsonNode> shape) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() || shape.test(value);
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** A body over the limit is HttpProblems' (413); what else fails here is answered without a stack trace. */
    private void failed(RoutingContext ctx) {
        if (ctx.failure() == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            problems.send(ctx, ProblemType.forStatus(ctx.statusCode()), "The GraphQL request was refused");
        } else {
            String requestId = RequestIds.of(ctx.request());
            LOG.errorf(ctx.failure(), "GraphQL request %s failed", requestId);
            problems.send(
                    ctx,
                    ProblemType.INTERNAL_ERROR,
                    "An unexpected error occurred; quote the request id " + requestId + " when reporting it");
        }
    }
}
