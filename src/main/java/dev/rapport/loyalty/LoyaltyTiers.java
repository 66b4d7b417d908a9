package dev.rapport.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerService;
import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.loyalty.api.LoyaltyTier;
import dev.rapport.loyalty.api.LoyaltyTierProgress;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Tiers: an account is in the highest tier whose threshold what it counts over the program's rolling period (points
 * earned, or spend refunds deducted) reaches. A rise is immediate, after the posting or purchase that caused it; a
 * fall waits for the review at the end of the period the account entered its tier (or was last reviewed) in, when
 * the account keeps its tier for another period or goes down to what it qualifies for.
 */
@ApplicationScoped
class LoyaltyTiers {

    static final String UPGRADE = "upgrade";
    static final String DOWNGRADE = "downgrade";

    /** Points earned since {@code :since}: earn entries, less the reversals of earn entries. */
    static final String POINTS_EARNED = """
            select cast(coalesce(sum(e.points), 0) as bigint) from loyalty_entry e
            left join loyalty_entry o on o.id = e.reverses
            where e.account_id = :account and e.created_at > :since
              and (e.type = 'earn' or (e.type = 'reverse' and o.type = 'earn'))
            """;

    private final CustomerService customers;
    private final EventLog events;
    private final Clock clock;

    LoyaltyTiers(CustomerService customers, EventLog events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** The highest tier {@code qualifying} reaches; null for a program without tiers (or below every threshold). */
    static LoyaltyRecords.Tier qualified(List<LoyaltyRecords.Tier> tiers, long qualifying) {
        LoyaltyRecords.Tier reached = null;
        for (LoyaltyRecords.Tier tier : tiers) {
            if (tier.threshold() <= qualifying) {
                reached = tier;
            }
        }
        return reached;
    }

    static int rank(List<LoyaltyRecords.Tier> tiers, String key) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The tier a new account starts in: the one with threshold 0, if any. */
    static void enroll(LoyaltyProgram program, LoyaltyAccount account, OffsetDateTime now) {
        LoyaltyRecords.Tier first = qualified(program.tiers.items(), 0);
        if (first != null) {
            account.tier = first.key();
            account.tierSince = now;
            account.tierReviewAt = reviewAfter(program, now);
        }
    }

    /** What the account counts over the program's period up to now: points earned, or whole units spent. */
    Uni<Long> qualifying(LoyaltyProgram program, LoyaltyAccount account) {
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime since = now.minus(Period.parse(program.qualification.period()));
        if (LoyaltyRecords.SPEND.equals(program.qualification.basis())) {
            return customers
                    .spendSince(account.customerId, program.currency, since)
                    .map(spend -> spend.max(BigDecimal.ZERO)
                            .setScale(0, RoundingMode.DOWN)
                            .longValueExact());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(POINTS_EARNED, Long.class)
                        .setParameter("account", account.id)
                        .setParameter("since", since)
                        .getSingleResult());
    }

    /** Raises the (locked) account's tier when what it counts now reaches a higher one. */
    Uni<Void> raise(LoyaltyProgram program, LoyaltyAccount account) {
        if (program.tiers.items().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return qualifying(program, account).chain(qualifying -> {
            LoyaltyRecords.Tier reached = qualified(program.tiers.items(), qualifying);
            if (reached == null
                    || rank(program.tiers.items(), reached.key()) <= rank(program.tiers.items(), account.tier)) {
                return Uni.createFrom().voidItem();
            }
            return change(program, account, reached, qualifying, UPGRADE);
        });
    }

    /**
     * The review of a (locked) account whose period in its tier ended: it keeps its tier for another period if it
     * still qualifies, else goes down to the tier it qualifies for.
     */
    Uni<Void> review(LoyaltyProgram program, LoyaltyAccount account) {
        OffsetDateTime now = Clocks.now(clock);
        if (program.tiers.items().isEmpty() || account.tierReviewAt == null || account.tierReviewAt.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        return qualifying(program, account).chain(qualifying -> {
            LoyaltyRecords.Tier reached = qualified(program.tiers.items(), qualifying);
            int qualifiedRank = reached == null ? -1 : rank(program.tiers.items(), reached.key());
            int current = rank(program.tiers.items(), account.tier);
            if (qualifiedRank == current) {
                account.tierReviewAt = reviewAfter(program, now);
                return Uni.createFrom().voidItem();
            }
            return change(program, account, reached, qualifying, qualifiedRank > current ? UPGRADE : DOWNGRADE);
        });
    }

    private Uni<Void> change(
            LoyaltyProgram program, LoyaltyAccount account, LoyaltyRecords.Tier to, long qualifying, String direction) {
        OffsetDateTime now = Clocks.now(clock);
        String from = account.tier;
        account.tier = to == null ? null : to.key();
        account.tierSince = now;
        account.tierReviewAt = to == null ? null : reviewAfter(program, now);
        account.updatedAt = now;
        String counted = LoyaltyRecords.SPEND.equals(program.qualification.basis())
                ? qualifying + " " + program.currency + " spent"
                : qualifying + " " + program.pointsName + " earned";
        String why = UPGRADE.equals(direction)
                ? counted + " over " + program.qualification.period() + " reach " + to.name() + "'s " + to.threshold()
                : counted + " over " + program.qualification.period() + " at the review"
                        + (to == null ? " reach no tier" : " qualify for " + to.name());
        return events.append(
                        LoyaltyEvent.TIER_CHANGED,
                        LoyaltyEvent.ACCOUNT,
                        account.id,
                        account.partnerId,
                        new LoyaltyEvent.TierChanged(
                                account.id,
                                account.customerId,
                                account.programId,
                                from,
                                account.tier,
                                direction,
                                program.qualification.basis(),
                                qualifying,
                                program.qualification.period(),
                                why))
                .replaceWithVoid();
    }

    /** Where an account in {@code tier} that counts {@code qualifying} stands: the next tier and how far it is. */
    static LoyaltyTierProgress progress(
            LoyaltyProgramView program, String tier, long qualifying, OffsetDateTime reviewAt) {
        List<LoyaltyTier> tiers = program.tiers();
        int current = -1;
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).key().equals(tier)) {
                current = i;
            }
        }
        LoyaltyTier next = current + 1 < tiers.size() ? tiers.get(current + 1) : null;
        return new LoyaltyTierProgress(
                program.qualification().basis(),
                program.qualification().period(),
                qualifying,
                next == null ? null : next.key(),
                next == null ? null : Math.max(0, next.threshold() - qualifying),
                reviewAt);
    }

    private static OffsetDateTime reviewAfter(LoyaltyProgram program, OffsetDateTime at) {
        return at.plus(Period.parse(program.qualification.period()));
    }
}
