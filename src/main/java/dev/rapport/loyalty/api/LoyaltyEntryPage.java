package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyEntryPage")
@Description("A page of ledger entries")
@Schema(name = "LoyaltyEntryPage", description = "A page of ledger entries, newest first")
public record LoyaltyEntryPage(
        @Description("The entries of this page") @Schema(description = "The entries of this page")
        List<LoyaltyEntryView> data,

        @Description("Cursor for the next page; null on the last page")
        @Schema(description = "Cursor for the next page; null on the last page")
        String nextCursor,

        @Description("Whether another page follows") @Schema(description = "Whether another page follows")
        boolean hasMore) {}
