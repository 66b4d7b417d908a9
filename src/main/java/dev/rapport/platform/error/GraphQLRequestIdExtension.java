package dev.rapport.platform.error;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.jboss.logging.MDC;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * Adds {@code extensions.requestId} to the GraphQL errors of resolvers, the same correlation id REST problems carry
 * ({@link GraphQLErrors} adds it to the others and logs the unexpected ones with it). SmallRye's own logging of every
 * data-fetching error is switched off so that expected errors such as not-found do not fill the error log.
 */
public class GraphQLRequestIdExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "requestId";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        Object requestId = MDC.get("requestId");
        return requestId == null ? null : Json.createValue(requestId.toString());
    }
}
