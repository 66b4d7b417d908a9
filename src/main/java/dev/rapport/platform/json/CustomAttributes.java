package dev.rapport.platform.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.rapport.platform.error.Problem.FieldError;

/**
 * Custom attributes, as every domain that has them takes them: a JSON object of scalar values (text of up to 1,000
 * characters, finite numbers, booleans) under keys a filter can address ({@code attributes.<key>}).
 */
public final class CustomAttributes {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_TEXT = 1000;

    private CustomAttributes() {}

    /** The attributes without null values; what is refused is added to {@code errors}. */
    public static Map<String, Object> checked(Map<String, Object> in, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (in == null) {
            return out;
        }
        Predicate<Object> scalar =
                v -> v instanceof String s ? s.length() <= MAX_TEXT : v instanceof Number || v instanceof Boolean;
        in.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                errors.add(new FieldError(
                        "attributes." + key,
                        "keys start with a letter and have up to 64 letters, digits or underscores"));
            } else if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
                // JSON allows 1e400; a double (and a JSON reader elsewhere) cannot hold it
                errors.add(new FieldError("attributes." + key, "must be a number within ±1.7e308"));
            } else if (value != null && !scalar.test(value)) {
                errors.add(new FieldError(
                        "attributes." + key,
                        "must be a string of up to " + MAX_TEXT + " characters, a number or a boolean"));
            } else if (value != null) {
                out.put(key, value);
            }
        });
        return out;
    }
}
