package dev.rapport.platform.error;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * Adds {@code extensions.requestId} to every GraphQL error, the same correlation id REST problems carry, and logs
 * the errors that are not {@link DomainException}s (the unexpected ones) with it. SmallRye's own logging of every
 * data-fetching error is switched off so that expected errors such as not-found do not fill the error log.
 */
public class GraphQLRequestIdExtension implements ErrorExtensionProvider {

    private static final Logger LOG = Logger.getLogger(GraphQLRequestIdExtension.class);

    @Override
    public String getKey() {
        return "requestId";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        Object requestId = MDC.get("requestId");
        if (!(exception instanceof DomainException)) {
            LOG.errorf(exception, "GraphQL request %s failed", requestId);
        }
        return requestId == null ? null : Json.createValue(requestId.toString());
    }
}
