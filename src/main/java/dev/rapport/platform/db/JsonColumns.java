package dev.rapport.platform.db;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Readers of JSONB columns selected as text by pooled statements. Like Hibernate's reading of the same columns, a
 * property the stored record no longer has is skipped, not an error, so a record can lose a field without a
 * migration.
 */
@ApplicationScoped
public class JsonColumns {

    private final ObjectReader stored;

    JsonColumns(ObjectMapper json) {
        this.stored = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> Reader<T> reader(Class<T> type) {
        return new Reader<>(stored.forType(type));
    }

    public <T> Reader<T> reader(TypeReference<T> type) {
        return new Reader<>(stored.forType(type));
    }

    /** Reads one column's JSON text into a record of one type. */
    public static final class Reader<T> {

        private final ObjectReader reader;

        private Reader(ObjectReader reader) {
            this.reader = reader;
        }

        /** The record in {@code text}, or null for a null column. */
        public T read(String text) {
            if (text == null) {
                return null;
            }
            try {
                return reader.readValue(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable JSON column of type " + reader.getValueType(), e);
            }
        }
    }
}
