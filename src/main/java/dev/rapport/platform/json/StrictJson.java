package dev.rapport.platform.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a JSON document that names one field twice, wherever JSON enters (REST bodies, merge patches, GraphQL's
 * JSON text arguments): which of the two values counts is not defined by JSON, and parsers disagree, so a body that
 * depends on it is malformed ({@code malformed-request}, 400) rather than read one way here and another elsewhere.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
