package dev.rapport.platform.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.error.Problem.FieldError;

/**
 * Reading an action's settings, collecting what is wrong as field errors named by setting: the checks every
 * {@link ActionType#check} shares. Readers answer null (or an empty list) for a missing or wrong value, having
 * added its error.
 */
public final class ActionSettings {

    private final JsonNode settings;
    private final List<FieldError> errors = new ArrayList<>();

    private ActionSettings(JsonNode settings) {
        this.settings = settings;
    }

    /** The settings of {@code settings}, which the engine has checked to be a JSON object. */
    public static ActionSettings of(JsonNode settings) {
        return new ActionSettings(settings);
    }

    /** The errors found so far, and one for each setting that is not among {@code known}. */
    public List<FieldError> errors(Set<String> known) {
        settings.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(
                        new FieldError(name, "is not a setting of this action; it takes " + String.join(", ", known)));
            }
        });
        return List.copyOf(errors);
    }

    /** The setting as given (JSON null included), or null when absent. */
    public JsonNode get(String name) {
        return settings.get(name);
    }

    /** Whether the setting is given and not null. */
    public boolean has(String name) {
        JsonNode value = settings.get(name);
        return value != null && !value.isNull();
    }

    /** A required text matching {@code pattern}. */
    public String text(String name, Pattern pattern, String shape) {
        JsonNode value = settings.get(name);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (!value.isTextual() || !pattern.matcher(value.textValue()).matches()) {
            errors.add(new FieldError(name, "must be " + shape));
            return null;
        }
        return value.textValue();
    }

    /** A required list of 1 to {@code max} texts, each matching {@code pattern}. */
    public List<String> texts(String name, int max, Pattern pattern, String shape) {
        JsonNode value = settings.get(name);
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > max) {
            errors.add(new FieldError(name, "must be a list of 1 to " + max + " values"));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual() || !pattern.matcher(element.textValue()).matches()) {
                errors.add(new FieldError(name + "[" + i + "]", "must be " + shape));
            } else {
                texts.add(element.textValue());
            }
        }
        return texts;
    }

    /** A required id. */
    public UUID id(String name) {
        String text = text(name, UUID_TEXT, "an id");
        return text == null ? null : UUID.fromString(text);
    }

    /** Records an error of a setting that the action checks on its own. */
    public void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
}
