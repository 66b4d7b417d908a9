package dev.rapport.platform.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import dev.rapport.platform.db.Ids;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. It is echoed in the response header, put in the log context and quoted in problem documents.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            assign(ctx.request());
            ctx.next();
        });
    }

    /** The id given to this request, or null outside a request. */
    public static String of(HttpServerRequest request) {
        return request == null ? null : request.response().headers().get(HEADER);
    }

    /** Gives {@code request} its id, unless it has one already. */
    static String assign(HttpServerRequest request) {
        String id = of(request);
        if (id != null) {
            return id;
        }
        id = request.getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = Ids.newCorrelationId().toString();
        }
        request.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        return id;
    }
}
