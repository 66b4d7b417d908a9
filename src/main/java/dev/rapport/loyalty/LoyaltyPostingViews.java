package dev.rapport.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyEntryView;
import dev.rapport.loyalty.api.LoyaltyLotView;
import dev.rapport.loyalty.api.LoyaltyPostingView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.smallrye.mutiny.Uni;

/**
 * What a posting answers: what it did, what a simulation of it would do (the tier an earning would reach
 * included), and for a repeat of its Idempotency-Key what the first one did, read back from the ledger.
 */
@ApplicationScoped
class LoyaltyPostingViews {

    private final LoyaltyProgramRepository programs;
    private final LoyaltyLedgerRepository ledger;
    private final LoyaltyTiers tiers;
    private final LoyaltyMapper mapper;
    private final Caller caller;
    private final Clock clock;

    LoyaltyPostingViews(
            LoyaltyProgramRepository programs,
            LoyaltyLedgerRepository ledger,
            LoyaltyTiers tiers,
            LoyaltyMapper mapper,
            Caller caller,
            Clock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.tiers = tiers;
        this.mapper = mapper;
        this.caller = caller;
        this.clock = clock;
    }

    Uni<LoyaltyPostingView> replay(LoyaltyAccount account, LoyaltyEntry earlier, String hash) {
        if (!hash.equals(earlier.requestHash)) {
            throw new DomainException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + earlier.idempotencyKey + " was already used with a different posting");
        }
        Uni<LoyaltyEntry> linked =
                earlier.linkedEntryId == null ? Uni.createFrom().nullItem() : ledger.findById(earlier.linkedEntryId);
        return linked.chain(other -> ledger.takesOf(earlier.id)
                .chain(takes -> ledger.lotsOf(earlier.id)
                        .chain(made -> (other == null
                                        ? Uni.createFrom().item(List.<LoyaltyLot>of())
                                        : ledger.lotsOf(other.id))
                                .chain(madeThere -> programs.findById(account.programId)
                                        .chain(program -> ledger.openLots(account.id)
                                                .map(open -> {
                                                    List<LoyaltyEntryView> entries = new ArrayList<>();
                                                    entries.add(mapper.toView(earlier));
                                                    if (other != null) {
                                                        entries.add(mapper.toView(other));
                                                    }
                                                    List<LoyaltyLot> lots = new ArrayList<>(made);
                                                    lots.addAll(madeThere);
                                                    OffsetDateTime soon =
                                                            Clocks.now(clock).plusDays(program.expiry.noticeDays());
                                                    return new LoyaltyPostingView(
                                                            false,
                                                            true,
                                                            entries,
                                                            mapper.toView(account),
                                                            account.tier,
                                                            takes.stream()
                                                                    .map(mapper::toView)
                                                                    .toList(),
                                                            lots.stream()
                                                                    .map(mapper::toView)
                                                                    .toList(),
                                                            LoyaltyLedger.expiringBy(
                                                                    LoyaltyPostings.ledgerLots(open), soon));
                                                }))))));
    }

    /** The tier the account would be in after a simulated posting: an earning may raise it. */
    Uni<String> tierAfter(LoyaltyPostings.Plan plan) {
        LoyaltyPostings.Line first = plan.lines().get(0);
        LoyaltyAccount account = first.account();
        if (!LoyaltyEntry.EARN.equals(first.type())) {
            return Uni.createFrom().item(account.tier);
        }
        return programs.findById(account.programId).chain(program -> {
            if (program.tiers.items().isEmpty() || !LoyaltyRecords.POINTS.equals(program.qualification.basis())) {
                return Uni.createFrom().item(account.tier);
            }
            return tiers.qualifying(program, account).map(qualifying -> {
                LoyaltyRecords.Tier reached =
                        LoyaltyTiers.qualified(program.tiers.items(), qualifying + first.points());
                return reached != null
                                && LoyaltyTiers.rank(program.tiers.items(), reached.key())
                                        > LoyaltyTiers.rank(program.tiers.items(), account.tier)
                        ? reached.key()
                        : account.tier;
            });
        });
    }

    /** What the plan did ({@code entries} written) or, for a simulation ({@code entries} null), would do. */
    LoyaltyPostingView of(LoyaltyPostings.Plan plan, List<LoyaltyEntry> entries, String tierAfter) {
        boolean simulated = entries == null;
        List<LoyaltyEntryView> views = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            LoyaltyPostings.Line line = plan.lines().get(i);
            views.add(
                    simulated
                            ? new LoyaltyEntryView(
                                    null,
                                    line.account().id,
                                    line.type(),
                                    line.points(),
                                    line.balanceAfter(),
                                    plan.request().reasonCode(),
                                    plan.request().note(),
                                    null,
                                    null,
                                    null,
                                    plan.request().reverses(),
                                    null,
                                    caller.name(),
                                    plan.at())
                            : mapper.toView(entries.get(i)));
        }
        LoyaltyPostings.Line first = plan.lines().get(0);
        LoyaltyAccountView account = mapper.toView(first.account());
        if (simulated) {
            account = new LoyaltyAccountView(
                    account.id(),
                    account.programId(),
                    account.customerId(),
                    account.cardNumber(),
                    first.balanceAfter(),
                    account.pendingPoints(),
                    account.lifetimeEarned() + first.lifetimeEarned(),
                    tierAfter,
                    account.tierSince(),
                    account.partnerId(),
                    account.enrolledAt(),
                    account.updatedAt(),
                    null);
        }
        return new LoyaltyPostingView(
                simulated,
                false,
                views,
                account,
                first.tierBefore(),
                first.takes().stream().map(mapper::toView).toList(),
                plan.lines().stream()
                        .flatMap(line -> line.made().stream())
                        .map(lot -> new LoyaltyLotView(null, lot.points(), lot.earnedAt(), lot.expiresAt()))
                        .toList(),
                first.expiringSoon());
    }
}
