package dev.rapport.customer.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.platform.error.Problem;

@Schema(description = "What each operation of a batch did, in the order of the request")
public record CustomerBatchResult(
        @Schema(description = "One result per item") List<Item> results,
        @Schema(description = "How many items succeeded") int succeeded,
        @Schema(description = "How many items failed") int failed) {

    @Schema(name = "CustomerBatchItemResult", description = "The outcome of one item")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "The item's position in the request, from 0")
            int index,

            @Schema(description = "The status the item would have answered alone: 201, 200, 400, 404, 409, 412, …")
            int status,

            @Schema(description = "The customer's id, when known")
            UUID id,

            @Schema(description = "The ETag of the customer's new version, when it succeeded")
            String etag,

            @Schema(description = "The customer as it is now, when it succeeded")
            CustomerView customer,

            @Schema(description = "Why it failed", implementation = Problem.class)
            Problem problem) {}
}
