package dev.rapport.loyalty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.loyalty.api.RewardCodeView;
import dev.rapport.loyalty.api.RewardOffer;
import dev.rapport.loyalty.api.RewardReason;
import dev.rapport.loyalty.api.RewardRedemptionView;
import dev.rapport.loyalty.api.RewardView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentService;
import dev.rapport.segment.api.SegmentMemberView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Redeeming rewards: what an account can redeem now (and why not the others), a redemption (the redeem entry, one
 * from the stock and a unique code, in one transaction, once per Idempotency-Key) and the use of a code, once.
 */
@ApplicationScoped
public class LoyaltyRedemptionService {

    /** Crockford's base 32: no I, L, O or U to misread. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoyaltyAccountRepository accounts;
    private final LoyaltyRewardRepository rewards;
    private final LoyaltyLedgerRepository ledger;
    private final LoyaltyLedgerService postings;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final SegmentService segments;
    private final EventLog events;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final Clock clock;

    LoyaltyRedemptionService(
            LoyaltyAccountRepository accounts,
            LoyaltyRewardRepository rewards,
            LoyaltyLedgerRepository ledger,
            LoyaltyLedgerService postings,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            SegmentService segments,
            EventLog events,
            IdempotentRequests idempotency,
            Caller caller,
            Clock clock) {
        this.accounts = accounts;
        this.rewards = rewards;
        this.ledger = ledger;
        this.postings = postings;
        this.queries = queries;
        this.mapper = mapper;
        this.segments = segments;
        this.events = events;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    /** The rewards of the account's program, cheapest first, each redeemable now or with the reasons it is not. */
    public Uni<List<RewardOffer>> offers(UUID accountId) {
        return queries.account(accountId, caller.partnerScope()).chain(account -> {
            if (account == null) {
                throw DomainException.notFound("loyalty account", accountId);
            }
            OffsetDateTime now = Clocks.now(clock);
            return queries.offers(account.programId(), accountId)
                    .chain(offers -> memberships(
                                    account.customerId(),
                                    offers.stream().anyMatch(o -> o.getKey().segmentId() != null))
                            .map(in -> offers.stream()
                                    .map(offer -> {
                                        List<RewardReason> reasons = LoyaltyRewards.reasons(
                                                offer.getKey(),
                                                account.balance(),
                                                account.tier(),
                                                in,
                                                offer.getValue(),
                                                now);
                                        return new RewardOffer(offer.getKey(), reasons.isEmpty(), reasons);
                                    })
                                    .toList()));
        });
    }

    /** Redeems a reward for the account: 409 with the reasons when it cannot, insufficient-points when short. */
    @WithTransaction
    public Uni<RewardRedemptionView> redeem(UUID accountId, UUID rewardId, String key) {
        LoyaltyLedgerService.checkKey(key);
        String hash = idempotency.hash("POST /v1/loyalty/accounts/" + accountId + "/rewards/redeem", rewardId);
        return accounts.findVisible(accountId, caller.partnerScope(), true).chain(account -> {
            if (account == null) {
                throw DomainException.notFound("loyalty account", accountId);
            }
            return ledger.byKey(accountId, key).chain(earlier -> {
                if (earlier != null) {
                    return replay(account, earlier, hash, rewardId);
                }
                OffsetDateTime now = Clocks.now(clock);
                return rewards.findById(rewardId).chain(reward -> {
                    if (reward == null || !reward.programId.equals(account.programId) || !reward.enabled) {
                        throw DomainException.notFound("reward", rewardId);
                    }
                    RewardView current = mapper.toView(reward);
                    return rewards.issuedTo(rewardId, account.id)
                            .chain(issued -> memberships(account.customerId, current.segmentId() != null)
                                    .map(in -> LoyaltyRewards.reasons(
                                            current, Long.MAX_VALUE, account.tier, in, issued, now)))
                            .chain(reasons -> {
                                if (!reasons.isEmpty()) {
                                    throw DomainException.conflict("The reward cannot be redeemed: "
                                            + reasons.get(0).detail());
                                }
                                return postings.planFor(
                                        account,
                                        new LoyaltyPostingRequest(
                                                LoyaltyEntry.REDEEM, reward.cost, "reward", reward.name, null, null));
                            })
                            .chain(plan -> rewards.take(rewardId).chain(taken -> {
                                if (!taken) {
                                    throw DomainException.conflict("The reward cannot be redeemed: none is left");
                                }
                                return postings.writeFor(plan, key, hash);
                            }))
                            .chain(entry -> {
                                String code = newCode();
                                return rewards.issue(code, rewardId, account.id, entry.id, now)
                                        .chain(() -> events.append(
                                                LoyaltyEvent.REWARD_REDEEMED,
                                                LoyaltyEvent.ACCOUNT,
                                                account.id,
                                                account.partnerId,
                                                new LoyaltyEvent.RewardRedeemed(
                                                        account.id,
                                                        account.customerId,
                                                        rewardId,
                                                        code,
                                                        reward.cost,
                                                        entry.id,
                                                        entry.balanceAfter)))
                                        .map(nothing -> new RewardRedemptionView(
                                                code,
                                                rewardId,
                                                mapper.toView(entry),
                                                mapper.toView(account),
                                                false,
                                                now));
                            });
                });
            });
        });
    }

    /** Marks a reward code used: once (a second use is a 409 saying when it was used). */
    @WithTransaction
    public Uni<RewardCodeView> use(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        return rewards.lockCode(normalized, caller.partnerScope()).chain(found -> {
            if (found == null) {
                throw DomainException.notFound("reward code", code);
            }
            if (found[4] != null) {
                throw DomainException.conflict("The reward code was used already, at " + found[4]);
            }
            OffsetDateTime now = Clocks.now(clock);
            UUID accountId = UUID.fromString((String) found[0]);
            UUID rewardId = UUID.fromString((String) found[2]);
            return rewards.use(normalized, caller.name(), now)
                    .chain(() -> events.append(
                            LoyaltyEvent.REWARD_CODE_USED,
                            LoyaltyEvent.ACCOUNT,
                            accountId,
                            (String) found[1],
                            new LoyaltyEvent.RewardRedeemed(
                                    accountId,
                                    UUID.fromString((String) found[3]),
                                    rewardId,
                                    normalized,
                                    null,
                                    null,
                                    null)))
                    .map(nothing -> new RewardCodeView(normalized, rewardId, accountId, now));
        });
    }

    private Uni<RewardRedemptionView> replay(LoyaltyAccount account, LoyaltyEntry earlier, String hash, UUID rewardId) {
        if (!hash.equals(earlier.requestHash)) {
            throw new DomainException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + earlier.idempotencyKey + " was already used with another request");
        }
        return rewards.codeOf(earlier.id)
                .map(code -> new RewardRedemptionView(
                        code, rewardId, mapper.toView(earlier), mapper.toView(account), true, earlier.createdAt));
    }

    private Uni<Set<UUID>> memberships(UUID customerId, boolean needed) {
        if (!needed) {
            return Uni.createFrom().item(Set.of());
        }
        return segments.segmentsOf(List.of(customerId)).map((Map<UUID, List<SegmentMemberView>> byCustomer) -> {
            Set<UUID> in = new HashSet<>();
            byCustomer.getOrDefault(customerId, List.of()).forEach(member -> in.add(member.segmentId()));
            return in;
        });
    }

    /** A reward code: 12 characters of Crockford's base 32 (60 random bits), printed in groups of four. */
    static String newCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
