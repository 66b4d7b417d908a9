package dev.rapport.platform.error;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/** Describes a JSON reading failure in words for a person, without Jackson's Java type names. */
final class JsonErrors {

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
        JsonLocation location = e.getLocation();
        return location == null
                ? "The request body is not valid JSON"
                : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ")";
    }

    static List<Problem.FieldError> fieldErrors(JsonProcessingException e) {
        String field = fieldPath(e);
        if (field.isEmpty()) {
            return List.of();
        }
        String message = e instanceof PropertyBindingException ? "unknown field" : "invalid value";
        return List.of(new Problem.FieldError(field, message));
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
