package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyRewardPage")
@Description("A page of rewards")
@Schema(name = "LoyaltyRewardPage", description = "A page of rewards")
public record RewardPage(
        @Description("The rewards of this page") @Schema(description = "The rewards of this page")
        List<RewardView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
