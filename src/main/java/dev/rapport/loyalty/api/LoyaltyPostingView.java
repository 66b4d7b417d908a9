package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LoyaltyPosting")
@Description("What a posting did, or for a simulation would do")
@Schema(
        name = "LoyaltyPostingResult",
        description = "What a posting did, or for a simulation would do: the entries, the account after it, the "
                + "lots it took points from and made, and the points expiring within the program's notice days")
public record LoyaltyPostingView(
        @Schema(description = "Whether this is a simulation (nothing was written)")
        @Description("Whether this is a simulation (nothing was written)")
        boolean simulated,

        @Schema(
                description = "Whether this answers a repeat of an earlier posting's Idempotency-Key (nothing new was "
                        + "written)")
        @Description("Whether this answers a repeat of an earlier posting's idempotency key (nothing new was written)")
        boolean replayed,

        @Schema(description = "The entries: one, or for a transfer the sending and the receiving account's")
        @Description("The entries: one, or for a transfer the sending and the receiving account's")
        List<LoyaltyEntryView> entries,

        @Schema(description = "The account after the posting") @Description("The account after the posting")
        LoyaltyAccountView account,

        @Schema(description = "The account's tier before the posting")
        @Description("The account's tier before the posting")
        String tierBefore,

        @Schema(description = "The lots points were taken from, first to expire first")
        @Description("The lots points were taken from, first to expire first")
        List<LoyaltyLotView> lotsTaken,

        @Schema(description = "The lots the posting made") @Description("The lots the posting made")
        List<LoyaltyLotView> lotsMade,

        @Schema(description = "Points of the account expiring within the program's notice days, after the posting")
        @Description("Points of the account expiring within the program's notice days, after the posting")
        long pointsExpiringSoon) {}
