package dev.rapport.loyalty.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LoyaltyLot")
@Description("Points of one lot: when they were earned and when they expire")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LoyaltyLot", description = "Points of one lot: when they were earned and when they expire")
public record LoyaltyLotView(
        @Schema(description = "Lot id; absent for a lot a simulation would make") @Description("Lot id")
        UUID lotId,

        @Schema(description = "Points") @Description("Points")
        long points,

        @Schema(description = "When they were earned") @Description("When they were earned")
        OffsetDateTime earnedAt,

        @Schema(description = "When they expire; absent when never") @Description("When they expire; null when never")
        OffsetDateTime expiresAt) {}
