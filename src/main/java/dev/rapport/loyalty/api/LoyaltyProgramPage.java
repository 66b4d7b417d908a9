package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyProgramPage")
@Description("A page of loyalty programs")
@Schema(name = "LoyaltyProgramPage", description = "A page of loyalty programs")
public record LoyaltyProgramPage(
        @Description("The programs of this page") @Schema(description = "The programs of this page")
        List<LoyaltyProgramView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
