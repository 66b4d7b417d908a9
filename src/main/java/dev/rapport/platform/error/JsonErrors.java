package dev.rapport.platform.error;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/** Describes a JSON reading failure in words for a person, without Jackson's Java type names. */
final class JsonErrors {

    /** How Jackson's strict duplicate detection begins its message: {@code Duplicate field 'name'}. */
    private static final String DUPLICATE = "Duplicate field '";

    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        String field = fieldPath(e);
        if (e instanceof PropertyBindingException unknown) {
            return "Unknown field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "'";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "Field '" + field + "' has an invalid value '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException) {
            return field.isEmpty()
                    ? "The request body does not have the expected shape"
                    : "Field '" + field + "' has a value of the wrong type";
        }
        if (e instanceof JsonMappingException && !field.isEmpty()) {
            return "Field '" + field + "' is not valid";
        }
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return "Field '" + duplicate + "' appears more than once in one object";
        }
        JsonLocation location = e.getLocation();
        return location == null
                ? "The request body is not valid JSON"
                : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ")";
    }

    static List<Problem.FieldError> fieldErrors(JsonProcessingException e) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return List.of(new Problem.FieldError(duplicate, "appears more than once"));
        }
        String field = fieldPath(e);
        if (field.isEmpty()) {
            return List.of();
        }
        String message = e instanceof PropertyBindingException ? "unknown field" : "invalid value";
        return List.of(new Problem.FieldError(field, message));
    }

    /**
     * The name a parser refused because its object already had it (strict duplicate detection, see StrictJson),
     * or null for any other failure.
     */
    private static String duplicateField(JsonProcessingException e) {
        String message = e instanceof JsonParseException ? e.getOriginalMessage() : null;
        if (message == null || !message.startsWith(DUPLICATE)) {
            return null;
        }
        int start = message.indexOf('\'') + 1;
        int end = message.lastIndexOf('\'');
        return start > 0 && end > start ? message.substring(start, end) : null;
    }

    private static String fieldPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
