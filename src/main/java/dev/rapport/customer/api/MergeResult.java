package dev.rapport.customer.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("CustomerMerge")
@Description("A merge of two customers: the survivor as it is after it, and what moved")
@Schema(
        name = "CustomerMerge",
        description = "A merge of two customers: the survivor as it is after it, and what moved")
public record MergeResult(
        @Description("The customer that remains") @Schema(description = "The customer that remains")
        UUID survivorId,

        @Description("The customer merged into it; its id answers GET with the survivor")
        @Schema(description = "The customer merged into it; its id answers GET with the survivor")
        UUID mergedId,

        @Description("The records moved, per table") @Schema(description = "The records moved, per table")
        List<MovedRecords> moved,

        @Description("When the merge happened") @Schema(description = "When the merge happened")
        OffsetDateTime mergedAt,

        @Description("The survivor after the merge") @Schema(description = "The survivor after the merge")
        CustomerView survivor) {}
