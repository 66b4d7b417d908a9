package dev.rapport.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.Problem;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.json.PlainText;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with a problem document, requests that the HTTP codec let through but this service will not read: a
 * request line or headers over the service's limits ({@link RapportConfig.Http}), a path or query that is not
 * well-formed percent-encoded UTF-8 or decodes to control characters ({@link PlainText}), and control characters in the
 * headers the service reads. Runs first after {@link RequestIds}, before authentication, for every path.
 *
 * <p>The codec's own ceilings ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size})
 * are set above these limits, because what fails there never reaches a route: Vert.x answers a request over them,
 * and an HTTP/1.1 header value with control characters, with an empty body, and Quarkus answers a URI that is not
 * URI syntax at all ({@code %zz}, a cut escape) with an empty 400; neither offers a hook to write a body. Over
 * HTTP/2 header values arrive unchecked, so the check of the headers below is what refuses them there.
 */
@ApplicationScoped
public class RequestChecks {

    /** The request headers this service reads, and so refuses when they hold control characters. */
    static final List<String> READ_HEADERS =
            List.of(IdempotentRequests.HEADER, "If-Match", "If-None-Match", RequestIds.HEADER);

    private final HttpProblems problems;
    private final int maxRequestLine;
    private final int maxHeaderSize;

    RequestChecks(HttpProblems problems, RapportConfig config) {
        this.problems = problems;
        this.maxRequestLine = config.http().maxRequestLineLength();
        this.maxHeaderSize = config.http().maxHeaderSize();
    }

    void install(@Observes Router router) {
        router.route().order(-190).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (requestLineLength(request) > maxRequestLine) {
            problems.send(
                    ctx,
                    ProblemType.URI_TOO_LONG,
                    "The request line exceeds the limit of " + maxRequestLine + " characters");
            return;
        }
        if (headerSize(request) > maxHeaderSize) {
            problems.send(
                    ctx,
                    ProblemType.HEADERS_TOO_LARGE,
                    "The request headers exceed the limit of " + maxHeaderSize + " bytes");
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!isReadablePath(path)) {
            problems.send(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    "The request path is not valid percent-encoded UTF-8 without control characters");
            return;
        }
        if (query >= 0 && !isReadableQuery(uri.substring(query + 1))) {
            problems.send(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    "The query string is not valid percent-encoded UTF-8 without control characters");
            return;
        }
        for (String header : READ_HEADERS) {
            for (String value : request.headers().getAll(header)) {
                if (PlainText.lineControlAt(value) >= 0) {
                    problems.send(
                            ctx,
                            ProblemType.VALIDATION_FAILED,
                            header + ": must not contain control characters",
                            List.of(new Problem.FieldError(header, "must not contain control characters")));
                    return;
                }
            }
        }
        ctx.next();
    }

    /** As the HTTP/1.1 request line counts it: method, URI and version, separated by spaces. */
    private static int requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + " HTTP/1.1".length();
    }

    /** As the codec counts it: every header line without its line end. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + 2 + header.getValue().length();
        }
        return size;
    }

    /** Well-formed percent-encoding of UTF-8 that decodes to no control character (NUL included). */
    static boolean isReadablePath(String path) {
        String decoded = decode(path);
        return decoded != null && PlainText.lineControlAt(decoded) < 0 && decoded.indexOf('\t') < 0;
    }

    /**
     * Well-formed percent-encoding of UTF-8 whose values are text by {@link PlainText}'s rule, as body texts are
     * ({@code +} stays a plus here, it only matters that the rest decodes).
     */
    static boolean isReadableQuery(String query) {
        String decoded = decode(query);
        return decoded != null && PlainText.controlAt(decoded) < 0;
    }

    /** The percent-decoded text, or null when an escape is not two hex digits or the bytes are not UTF-8. */
    private static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        byte[] bytes = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes[n++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
