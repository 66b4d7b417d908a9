package dev.rapport.customer.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(description = "Up to 100 creates and updates of customers, each applied on its own")
public record CustomerBatchRequest(
        @Schema(description = "The operations, 1 to 100", required = true) @NotNull @Size(min = 1, max = 100)
        List<@NotNull @Valid Item> items) {

    @Schema(name = "CustomerBatchItem", description = "One create or update")
    public record Item(
            @Schema(
                    description = "create or update",
                    required = true,
                    enumeration = {"create", "update"})
            @NotNull
            @Pattern(regexp = "create|update", message = "must be create or update")
            String method,

            @Schema(description = "The customer to update (update only)")
            UUID id,

            @Schema(description = "The ETag of the version the update is based on (update only): 412 when stale")
            String ifMatch,

            @Schema(description = "The new customer (create only), validated as POST /v1/customers validates it")
            CreateCustomerRequest body,

            @Schema(
                    description = "A JSON merge patch (update only), as PATCH /v1/customers/{id} takes",
                    type = SchemaType.OBJECT)
            JsonNode patch,

            @Schema(description = "reject: refuse a probable duplicate (create only), as ?onDuplicate=reject does")
            OnDuplicate onDuplicate) {}
}
