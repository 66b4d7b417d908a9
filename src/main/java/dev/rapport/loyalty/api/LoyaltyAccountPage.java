package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyAccountPage")
@Description("A page of loyalty accounts")
@Schema(name = "LoyaltyAccountPage", description = "A page of loyalty accounts")
public record LoyaltyAccountPage(
        @Description("The accounts of this page") @Schema(description = "The accounts of this page")
        List<LoyaltyAccountView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
