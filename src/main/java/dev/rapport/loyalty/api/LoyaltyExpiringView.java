package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyExpiring")
@Description("The points of an account that expire within a period, lot by lot")
@Schema(name = "LoyaltyExpiring", description = "The points of an account that expire within a period, lot by lot")
public record LoyaltyExpiringView(
        @Schema(description = "The account") @Description("The account")
        UUID accountId,

        @Schema(description = "The end of the period looked at") @Description("The end of the period looked at")
        OffsetDateTime until,

        @Schema(description = "Points expiring by then") @Description("Points expiring by then")
        long points,

        @Schema(description = "The lots, first to expire first") @Description("The lots, first to expire first")
        List<LoyaltyLotView> lots) {}
