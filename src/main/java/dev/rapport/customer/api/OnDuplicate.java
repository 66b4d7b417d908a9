package dev.rapport.customer.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.error.DomainException;

@Description("What creating a customer does when it may be one that exists (by the duplicate rules)")
@Schema(description = "What creating a customer does when it may be one that exists (by the duplicate rules)")
public enum OnDuplicate {
    /** Refuse with 409 conflict naming the customers it matches. */
    reject,
    /** Create it anyway; it shows in the duplicates of the one it matches. */
    allow;

    /** The query parameter's value: absent means allow. */
    public static OnDuplicate parse(String value) {
        if (value == null || value.isBlank()) {
            return allow;
        }
        try {
            return valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("onDuplicate", "must be reject or allow");
        }
    }
}
