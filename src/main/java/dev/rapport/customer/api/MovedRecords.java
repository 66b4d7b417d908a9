package dev.rapport.customer.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("MovedRecords")
@Description("How many records of one kind a merge moved from the merged customer to the survivor")
@Schema(description = "How many records of one kind a merge moved from the merged customer to the survivor")
public record MovedRecords(
        @Description("The table, for example purchase or loyalty_account")
        @Schema(description = "The table, for example purchase or loyalty_account", examples = "purchase")
        String table,

        @Description("Rows moved, combined or posted")
        @Schema(description = "Rows moved, combined or posted", examples = "3")
        long count) {}
