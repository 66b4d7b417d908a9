package dev.rapport.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a purchase earns by a program's rules; pure. Spend rules give points per currency unit of the purchase (or of
 * its lines in the rule's categories), rounded down; a multiplier adds (factor − 1) times the spend points of the
 * lines both cover; a bonus adds fixed points. Each rule counts only when all its conditions hold, and at most its
 * cap. Spend and multipliers count purchases in the program's currency only.
 */
final class LoyaltyEarning {

    /** A purchase as earning reads it. */
    record Purchase(BigDecimal amount, String currency, String channel, List<Line> lines, OffsetDateTime occurredAt) {}

    /** A line: its category (or null) and its amount (quantity × unit price). */
    record Line(String category, BigDecimal amount) {}

    /** What earning knows of the customer and the account. */
    record Member(
            String tier,
            boolean firstPurchase,
            LocalDate birthday,
            Map<String, Object> attributes,
            Set<UUID> segments) {}

    private LoyaltyEarning() {}

    static List<LoyaltyRecords.Contribution> earn(
            List<LoyaltyEarningRule> rules, LoyaltyProgram program, Purchase purchase, Member member) {
        ZoneId zone = ZoneId.of(program.timeZone);
        boolean inCurrency = program.currency.equals(purchase.currency());
        List<LoyaltyEarningRule> spend = new ArrayList<>();
        List<LoyaltyRecords.Contribution> contributions = new ArrayList<>();
        for (LoyaltyEarningRule rule : rules) {
            if (!applies(rule, purchase, member, zone)) {
                continue;
            }
            long points = switch (rule.kind) {
                case LoyaltyEarningRule.SPEND -> {
                    if (!inCurrency) {
                        yield 0;
                    }
                    spend.add(rule);
                    yield down(amountIn(purchase, rule.conditions.categories(), null)
                            .multiply(rule.pointsPerUnit));
                }
                case LoyaltyEarningRule.MULTIPLIER -> inCurrency ? extra(rule, spend, purchase) : 0;
                default -> rule.points;
            };
            if (rule.maxPoints != null) {
                points = Math.min(points, rule.maxPoints);
            }
            if (points > 0) {
                contributions.add(new LoyaltyRecords.Contribution(rule.id, rule.name, points));
            }
        }
        return contributions;
    }

    /**
     * A multiplier's extra points: (factor − 1) times the points the spend rules that apply give the lines it covers.
     * Multipliers see the spend rules defined before them, as rules apply oldest first.
     */
    private static long extra(LoyaltyEarningRule multiplier, List<LoyaltyEarningRule> spend, Purchase purchase) {
        BigDecimal base = BigDecimal.ZERO;
        for (LoyaltyEarningRule rule : spend) {
            BigDecimal amount = amountIn(purchase, rule.conditions.categories(), multiplier.conditions.categories());
            base = base.add(BigDecimal.valueOf(down(amount.multiply(rule.pointsPerUnit))));
        }
        return down(base.multiply(multiplier.multiplier.subtract(BigDecimal.ONE)));
    }

    /** The amount of the lines in both category lists (null: any); the purchase's amount when both are null. */
    private static BigDecimal amountIn(Purchase purchase, List<String> categories, List<String> also) {
        if (categories == null && also == null) {
            return purchase.amount();
        }
        Set<String> wanted = new HashSet<>(categories == null ? also : categories);
        if (categories != null && also != null) {
            wanted.retainAll(also);
        }
        return purchase.lines().stream()
                .filter(line -> line.category() != null && wanted.contains(line.category()))
                .map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean applies(LoyaltyEarningRule rule, Purchase purchase, Member member, ZoneId zone) {
        LoyaltyRecords.Conditions when = rule.conditions;
        OffsetDateTime at = purchase.occurredAt();
        if ((rule.validFrom != null && at.isBefore(rule.validFrom))
                || (rule.validUntil != null && !at.isBefore(rule.validUntil))) {
            return false;
        }
        if (when.channels() != null && !when.channels().contains(purchase.channel())) {
            return false;
        }
        if (when.tiers() != null && !when.tiers().contains(member.tier())) {
            return false;
        }
        if (when.segmentId() != null && !member.segments().contains(when.segmentId())) {
            return false;
        }
        if (when.attributeKey() != null) {
            Object value =
                    member.attributes() == null ? null : member.attributes().get(when.attributeKey());
            if (value == null || !String.valueOf(value).equals(when.attributeValue())) {
                return false;
            }
        }
        if (Boolean.TRUE.equals(when.firstPurchase()) && !member.firstPurchase()) {
            return false;
        }
        return !Boolean.TRUE.equals(when.birthdayMonth())
                || (member.birthday() != null
                        && member.birthday().getMonth()
                                == at.atZoneSameInstant(zone).getMonth());
    }

    private static long down(BigDecimal points) {
        return points.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** A decimal without trailing zeros, never in exponent form: 1.5000 is 1.5, 10.00 is 10. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
