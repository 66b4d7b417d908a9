package dev.rapport.platform.json;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.DomainException;

/**
 * PATCH for every resource: the writable fields of the current value, as the resource's request type, with a JSON
 * merge patch applied, read back and validated like a create; and the fields that changed.
 */
@ApplicationScoped
public class MergePatches {

    private final ObjectMapper json;
    private final Validator validator;

    MergePatches(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The patched value and the top-level fields that differ from the current one (none: nothing to change). */
    public record Patched<T>(T value, List<String> changedFields) {

        public boolean changed() {
            return !changedFields.isEmpty();
        }
    }

    /**
     * Applies {@code patch} to {@code current}. When nothing changes, the current value is returned as it is;
     * otherwise the result must be a valid {@code type}.
     *
     * @throws DomainException malformed-request when the patch is not an object or the result not of the type
     * @throws ConstraintViolationException when the result breaks the request type's constraints
     */
    @SuppressWarnings("unchecked")
    public <T> Patched<T> apply(T current, JsonNode patch) {
        JsonNode before = json.valueToTree(current);
        JsonNode after = MergePatch.apply(before, patch);
        List<String> changed = MergePatch.changedFields(before, after);
        if (changed.isEmpty()) {
            return new Patched<>(current, changed);
        }
        try {
            return new Patched<>(validate((T) json.treeToValue(after, current.getClass())), changed);
        } catch (JsonProcessingException e) {
            throw DomainException.malformed(e);
        }
    }

    /** {@code request} if it meets its constraints (the same check REST's {@code @Valid} makes). */
    public <T> T validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
