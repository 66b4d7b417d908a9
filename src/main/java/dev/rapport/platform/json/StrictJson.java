package dev.rapport.platform.json;

import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a JSON document that names one field twice, wherever JSON enters (REST bodies, merge patches, GraphQL's
 * JSON text arguments): which of the two values counts is not defined by JSON, and parsers disagree, so a body that
 * depends on it is malformed ({@code malformed-request}, 400) rather than read one way here and another elsewhere.
 * Likewise a text field given a number or boolean, a whole-number field given a fraction, or a text with control
 * characters ({@link PlainText}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // a text field takes a JSON string only: {"url": 2130706433} or {"givenName": true} is wrongly typed, not
        // text to be made of it
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // a whole number takes a JSON integer only: {"points": 1.5} is not 1 point
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("rapport-values")
                .addDeserializer(OffsetDateTime.class, new StoredTimes())
                .addDeserializer(String.class, new PlainText.Reader()));
    }
}
