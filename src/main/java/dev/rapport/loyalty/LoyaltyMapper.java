package dev.rapport.loyalty;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.rapport.loyalty.api.CreateLoyaltyProgramRequest;
import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyEntryView;
import dev.rapport.loyalty.api.LoyaltyExpiryPolicy;
import dev.rapport.loyalty.api.LoyaltyLotView;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.loyalty.api.LoyaltyQualification;
import dev.rapport.loyalty.api.LoyaltyTier;

/** Maps programs, accounts and entries to their API shapes, and a program to the document a patch applies to. */
@Mapper(componentModel = "cdi")
public interface LoyaltyMapper {

    LoyaltyProgramView toView(LoyaltyProgram program);

    CreateLoyaltyProgramRequest toRequest(LoyaltyProgram program);

    @Mapping(target = "channels", source = "conditions.channels")
    @Mapping(target = "categories", source = "conditions.categories")
    @Mapping(target = "tiers", source = "conditions.tiers")
    @Mapping(target = "segmentId", source = "conditions.segmentId")
    @Mapping(target = "attributeKey", source = "conditions.attributeKey")
    @Mapping(target = "attributeValue", source = "conditions.attributeValue")
    @Mapping(target = "firstPurchase", source = "conditions.firstPurchase")
    @Mapping(target = "birthdayMonth", source = "conditions.birthdayMonth")
    dev.rapport.loyalty.api.EarningRuleView toView(LoyaltyEarningRule rule);

    @Mapping(target = "channels", source = "conditions.channels")
    @Mapping(target = "categories", source = "conditions.categories")
    @Mapping(target = "tiers", source = "conditions.tiers")
    @Mapping(target = "segmentId", source = "conditions.segmentId")
    @Mapping(target = "attributeKey", source = "conditions.attributeKey")
    @Mapping(target = "attributeValue", source = "conditions.attributeValue")
    @Mapping(target = "firstPurchase", source = "conditions.firstPurchase")
    @Mapping(target = "birthdayMonth", source = "conditions.birthdayMonth")
    dev.rapport.loyalty.api.CreateEarningRuleRequest toRequest(LoyaltyEarningRule rule);

    @Mapping(target = "tiers", source = "conditions.tiers")
    @Mapping(target = "segmentId", source = "conditions.segmentId")
    dev.rapport.loyalty.api.RewardView toView(LoyaltyReward reward);

    @Mapping(target = "tiers", source = "conditions.tiers")
    @Mapping(target = "segmentId", source = "conditions.segmentId")
    dev.rapport.loyalty.api.CreateRewardRequest toRequest(LoyaltyReward reward);

    @Mapping(target = "pendingPoints", source = "pending")
    @Mapping(target = "tierProgress", ignore = true)
    LoyaltyAccountView toView(LoyaltyAccount account);

    LoyaltyEntryView toView(LoyaltyEntry entry);

    default List<LoyaltyTier> tiers(LoyaltyRecords.Tiers tiers) {
        return tiers.items().stream()
                .map(t -> new LoyaltyTier(t.key(), t.name(), t.threshold()))
                .toList();
    }

    default LoyaltyRecords.Tiers tiers(List<LoyaltyTier> tiers) {
        return tiers == null
                ? LoyaltyRecords.Tiers.NONE
                : new LoyaltyRecords.Tiers(tiers.stream()
                        .map(t -> new LoyaltyRecords.Tier(t.key(), t.name().trim(), t.threshold()))
                        .toList());
    }

    default LoyaltyQualification qualification(LoyaltyRecords.Qualification qualification) {
        return new LoyaltyQualification(qualification.basis(), qualification.period());
    }

    default LoyaltyRecords.Qualification qualification(LoyaltyQualification qualification) {
        return qualification == null
                ? new LoyaltyRecords.Qualification(LoyaltyRecords.POINTS, "P12M")
                : new LoyaltyRecords.Qualification(qualification.basis(), qualification.period());
    }

    default LoyaltyExpiryPolicy expiry(LoyaltyRecords.Expiry expiry) {
        return new LoyaltyExpiryPolicy(expiry.policy(), expiry.period(), expiry.noticeDays());
    }

    default LoyaltyRecords.Expiry expiry(LoyaltyExpiryPolicy expiry) {
        if (expiry == null) {
            return new LoyaltyRecords.Expiry(LoyaltyRecords.NEVER, null, 30);
        }
        return new LoyaltyRecords.Expiry(
                expiry.policy(),
                LoyaltyRecords.AFTER_PERIOD.equals(expiry.policy()) ? expiry.period() : null,
                expiry.noticeDays() == null ? 30 : expiry.noticeDays());
    }

    default LoyaltyLotView toView(LoyaltyLedger.Take take) {
        return new LoyaltyLotView(take.lotId(), take.points(), take.earnedAt(), take.expiresAt());
    }

    default LoyaltyLotView toView(LoyaltyLot lot) {
        return new LoyaltyLotView(lot.id, lot.points, lot.earnedAt, lot.expiresAt);
    }
}
