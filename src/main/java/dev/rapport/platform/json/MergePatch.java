package dev.rapport.platform.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** JSON Merge Patch (RFC 7386): the body of every PATCH. */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    /** Applies {@code patch} to a copy of {@code target} and returns the result. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new DomainException(
                    ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object naming the fields to change");
        }
        return merge(target, patch);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Names of the top-level fields whose values differ between two documents, in the order of {@code after}. */
    public static List<String> changedFields(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        after.fieldNames().forEachRemaining(name -> {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        });
        before.fieldNames().forEachRemaining(name -> {
            if (!after.has(name) && !changed.contains(name)) {
                changed.add(name);
            }
        });
        return changed;
    }
}
