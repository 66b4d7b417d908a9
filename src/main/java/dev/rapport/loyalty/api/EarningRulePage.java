package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyEarningRulePage")
@Description("A page of earning rules")
@Schema(name = "LoyaltyEarningRulePage", description = "A page of earning rules")
public record EarningRulePage(
        @Description("The rules of this page") @Schema(description = "The rules of this page")
        List<EarningRuleView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
