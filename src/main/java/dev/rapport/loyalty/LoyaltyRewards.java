package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.rapport.loyalty.api.RewardReason;
import dev.rapport.loyalty.api.RewardView;

/** Why an account cannot redeem a reward now; pure. An empty list: it can. */
final class LoyaltyRewards {

    private LoyaltyRewards() {}

    static List<RewardReason> reasons(
            RewardView reward, long balance, String tier, Set<UUID> segments, long issued, OffsetDateTime now) {
        List<RewardReason> reasons = new ArrayList<>();
        if (reward.validFrom() != null && now.isBefore(reward.validFrom())) {
            reasons.add(new RewardReason("not_yet_valid", "Redeemable from " + reward.validFrom()));
        }
        if (reward.validUntil() != null && !now.isBefore(reward.validUntil())) {
            reasons.add(new RewardReason("no_longer_valid", "Redeemable until " + reward.validUntil()));
        }
        if (reward.tiers() != null && !reward.tiers().contains(tier)) {
            reasons.add(new RewardReason("not_in_tier", "For the tiers " + String.join(", ", reward.tiers())));
        }
        if (reward.segmentId() != null && !segments.contains(reward.segmentId())) {
            reasons.add(new RewardReason("not_in_segment", "For the members of segment " + reward.segmentId()));
        }
        if (reward.stock() != null && reward.stock() == 0) {
            reasons.add(new RewardReason("out_of_stock", "None is left"));
        }
        if (reward.perCustomerLimit() != null && issued >= reward.perCustomerLimit()) {
            reasons.add(new RewardReason(
                    "limit_reached", "At most " + reward.perCustomerLimit() + " per customer, all redeemed"));
        }
        if (balance < reward.cost()) {
            reasons.add(
                    new RewardReason("points_short", (reward.cost() - balance) + " points short of " + reward.cost()));
        }
        return reasons;
    }
}
