package dev.rapport.loyalty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.LoyaltyEntryView;
import dev.rapport.loyalty.api.LoyaltyExpiringView;
import dev.rapport.loyalty.api.LoyaltyLotView;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.loyalty.api.LoyaltyPostingView;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Postings to the ledger. A posting locks its account row (a transfer both accounts, in id order), reads the
 * balance and lots, works out what it does ({@link LoyaltyPostings}) and writes the entries, lots, allocations and
 * events in one transaction. Its Idempotency-Key is kept with the entry for as long as the ledger, so a repeat is
 * answered from the ledger, from REST or GraphQL, however late. A simulation reads the same and writes nothing.
 */
@ApplicationScoped
public class LoyaltyLedgerService {

    static final dev.rapport.platform.paging.Sort ORDER = LoyaltyQueries.LEDGER_ORDER;

    private final LoyaltyAccountRepository accounts;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyLedgerRepository ledger;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final LoyaltyTiers tiers;
    private final LoyaltyPostingViews views;
    private final EventLog events;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final Clock clock;

    LoyaltyLedgerService(
            LoyaltyAccountRepository accounts,
            LoyaltyProgramRepository programs,
            LoyaltyLedgerRepository ledger,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            LoyaltyTiers tiers,
            LoyaltyPostingViews views,
            EventLog events,
            IdempotentRequests idempotency,
            Caller caller,
            Clock clock) {
        this.accounts = accounts;
        this.programs = programs;
        this.ledger = ledger;
        this.queries = queries;
        this.mapper = mapper;
        this.tiers = tiers;
        this.views = views;
        this.events = events;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    /** Posts to an account's ledger, once per {@code key}: a repeat with the same request answers what it did. */
    @WithTransaction
    public Uni<LoyaltyPostingView> post(UUID accountId, LoyaltyPostingRequest request, String key) {
        checkKey(key);
        LoyaltyPostings.check(accountId, request);
        String hash = idempotency.hash("POST /v1/loyalty/accounts/" + accountId + "/transactions", request);
        List<UUID> locked =
                request.toAccountId() == null ? List.of(accountId) : List.of(accountId, request.toAccountId());
        return accounts.lockAll(locked).chain(found -> {
            LoyaltyAccount account = visible(found, accountId);
            return ledger.byKey(accountId, key).chain(earlier -> {
                if (earlier != null) {
                    return views.replay(account, earlier, hash);
                }
                LoyaltyAccount target =
                        request.toAccountId() == null ? null : visibleOrNull(found, request.toAccountId());
                return plan(request, account, target)
                        .chain(plan -> write(plan, key, hash)
                                .map(entries -> views.of(
                                        plan, entries, plan.lines().get(0).account().tier)));
            });
        });
    }

    /** What {@link #post} would do with the same request now, or the problem it would answer; writes nothing. */
    @WithTransaction
    public Uni<LoyaltyPostingView> simulate(UUID accountId, LoyaltyPostingRequest request) {
        LoyaltyPostings.check(accountId, request);
        String scope = caller.partnerScope();
        return accounts.findVisible(accountId, scope, false).chain(account -> {
            if (account == null) {
                throw DomainException.notFound("loyalty account", accountId);
            }
            Uni<LoyaltyAccount> target = request.toAccountId() == null
                    ? Uni.createFrom().nullItem()
                    : accounts.findVisible(request.toAccountId(), scope, false);
            return target.chain(to -> plan(request, account, to))
                    .chain(plan -> views.tierAfter(plan).map(tier -> views.of(plan, null, tier)));
        });
    }

    public Uni<Page<LoyaltyEntryView>> entries(UUID accountId, PageRequest page) {
        return queries.account(accountId, caller.partnerScope()).chain(account -> {
            if (account == null) {
                throw DomainException.notFound("loyalty account", accountId);
            }
            return queries.entries(accountId, page);
        });
    }

    /** The account's points that expire within {@code within} from now, lot by lot. */
    public Uni<LoyaltyExpiringView> expiring(UUID accountId, Duration within) {
        return queries.account(accountId, caller.partnerScope()).chain(account -> {
            if (account == null) {
                throw DomainException.notFound("loyalty account", accountId);
            }
            OffsetDateTime until = Clocks.now(clock).plus(within);
            return queries.openLots(accountId).map(lots -> {
                List<LoyaltyLotView> expiring = lots.stream()
                        .filter(lot ->
                                lot.expiresAt() != null && !lot.expiresAt().isAfter(until))
                        .toList();
                return new LoyaltyExpiringView(
                        accountId,
                        until,
                        expiring.stream().mapToLong(LoyaltyLotView::points).sum(),
                        expiring);
            });
        });
    }

    /** Works out a posting the service makes itself to an account the caller holds locked. */
    Uni<LoyaltyPostings.Plan> planFor(LoyaltyAccount account, LoyaltyPostingRequest request) {
        return plan(request, account, null);
    }

    /**
     * Works out an earning the service makes itself (from a purchase) to an account the caller holds locked. A credit
     * takes from no lot, so the account's lots are not read (the plan's points expiring soon, which no caller of this
     * reads, leave them out).
     */
    Uni<LoyaltyPostings.Plan> planEarning(LoyaltyAccount account, long points, LoyaltyPostings.Origin origin) {
        LoyaltyPostingRequest request =
                new LoyaltyPostingRequest(LoyaltyEntry.EARN, points, "purchase", null, null, null);
        return programs.findById(account.programId)
                .map(program -> LoyaltyPostings.plan(
                                request, program, account, List.of(), null, List.of(), null, Clocks.now(clock))
                        .from(origin));
    }

    /** Writes a posting the service makes itself: its cause (a purchase, a lot) keeps it once, not a key. */
    Uni<LoyaltyEntry> writeFor(LoyaltyPostings.Plan plan) {
        return write(plan, null, null).map(entries -> entries.get(0));
    }

    /** Writes a posting the service worked out for a caller's request that carried {@code key}. */
    Uni<LoyaltyEntry> writeFor(LoyaltyPostings.Plan plan, String key, String hash) {
        return write(plan, key, hash).map(entries -> entries.get(0));
    }

    /** Checks an Idempotency-Key as every posting needs one. */
    static void checkKey(String key) {
        if (!IdempotentRequests.wellFormed(key)) {
            throw DomainException.invalid(
                    "Idempotency-Key", "a posting needs one: 1 to 255 visible ASCII characters, unique per posting");
        }
    }

    /** Reads what the posting needs and works it out. */
    private Uni<LoyaltyPostings.Plan> plan(
            LoyaltyPostingRequest request, LoyaltyAccount account, LoyaltyAccount target) {
        OffsetDateTime now = Clocks.now(clock);
        return programs.findById(account.programId)
                .chain(program -> ledger.openLots(account.id)
                        .chain(lots -> (target == null
                                        ? Uni.createFrom().item(List.<LoyaltyLot>of())
                                        : ledger.openLots(target.id))
                                .chain(targetLots -> reversed(request)
                                        .map(reversed -> LoyaltyPostings.plan(
                                                request, program, account, lots, target, targetLots, reversed, now)))));
    }

    private Uni<LoyaltyPostings.Reversed> reversed(LoyaltyPostingRequest request) {
        if (request.reverses() == null) {
            return Uni.createFrom().nullItem();
        }
        return ledger.findById(request.reverses()).chain(entry -> {
            if (entry == null) {
                return Uni.createFrom().nullItem();
            }
            return ledger.reversedOf(entry.id)
                    .chain(before -> entry.points > 0
                            ? ledger.lotsOf(entry.id)
                                    .map(lots -> new LoyaltyPostings.Reversed(
                                            entry,
                                            before,
                                            lots.stream().map(l -> l.id).collect(Collectors.toSet()),
                                            List.of()))
                            : ledger.takesOf(entry.id)
                                    .map(takes -> new LoyaltyPostings.Reversed(entry, before, Set.of(), takes)));
        });
    }

    /** Writes the plan's entries, lots, allocations and events (the accounts are locked); returns the entries. */
    private Uni<List<LoyaltyEntry>> write(LoyaltyPostings.Plan plan, String key, String hash) {
        LoyaltyPostingRequest request = plan.request();
        List<LoyaltyEntry> entries = new ArrayList<>();
        for (LoyaltyPostings.Line line : plan.lines()) {
            LoyaltyEntry entry = new LoyaltyEntry();
            entry.id = Ids.newId();
            entry.accountId = line.account().id;
            entry.type = line.type();
            entry.points = line.points();
            entry.balanceAfter = line.balanceAfter();
            entry.reasonCode = request.reasonCode();
            entry.note = request.note();
            entry.reverses = request.reverses();
            entry.purchaseId = plan.origin().purchaseId();
            // the rule that caused it, when one alone did (the event's rules give every rule's part)
            List<LoyaltyRecords.Contribution> rules = plan.origin().rules();
            entry.ruleId = rules != null && rules.size() == 1 ? rules.get(0).ruleId() : null;
            entry.lotId = plan.origin().lotId();
            entry.actor = caller.name();
            entry.partnerId = line.account().partnerId;
            entry.createdAt = plan.at();
            entries.add(entry);
        }
        entries.get(0).idempotencyKey = key;
        entries.get(0).requestHash = hash;
        if (entries.size() == 2) {
            entries.get(0).linkedEntryId = entries.get(1).id;
            entries.get(1).linkedEntryId = entries.get(0).id;
        }
        Uni<Void> written = Uni.createFrom().voidItem();
        for (int i = 0; i < entries.size(); i++) {
            LoyaltyEntry entry = entries.get(i);
            LoyaltyPostings.Line line = plan.lines().get(i);
            written = written.chain(() -> ledger.persist(entry))
                    .chain(() -> {
                        Map<UUID, LoyaltyLot> lots = new HashMap<>();
                        line.lots().forEach(lot -> lots.put(lot.id, lot));
                        line.takes().forEach(take -> lots.get(take.lotId()).remaining -= take.points());
                        line.account().lifetimeEarned += line.lifetimeEarned();
                        line.account().updatedAt = plan.at();
                        Uni<Void> made = Uni.createFrom().voidItem();
                        for (LoyaltyLedger.NewLot lot : line.made()) {
                            LoyaltyLot row = new LoyaltyLot();
                            row.id = Ids.newId();
                            row.accountId = line.account().id;
                            row.entryId = entry.id;
                            row.points = lot.points();
                            row.remaining = lot.points();
                            row.earnedAt = lot.earnedAt();
                            row.expiresAt = lot.expiresAt();
                            made = made.chain(() -> ledger.getSession().chain(session -> session.persist(row)));
                        }
                        return made;
                    })
                    .chain(() -> ledger.flush())
                    .chain(() -> ledger.allocate(entry.id, line.takes()))
                    .chain(() -> events.append(
                            LoyaltyEvent.posted(entry.type),
                            LoyaltyEvent.ACCOUNT,
                            entry.accountId,
                            entry.partnerId,
                            posted(plan, line, entry)))
                    .invoke(() -> line.account().balance = entry.balanceAfter)
                    .chain(() -> LoyaltyEntry.EARN.equals(entry.type)
                            ? programs.findById(line.account().programId)
                                    .chain(program -> tiers.raise(program, line.account()))
                            : Uni.createFrom().voidItem())
                    .replaceWithVoid();
        }
        return written.replaceWith(entries);
    }

    private LoyaltyEvent.Posted posted(LoyaltyPostings.Plan plan, LoyaltyPostings.Line line, LoyaltyEntry entry) {
        return new LoyaltyEvent.Posted(
                entry.accountId,
                line.account().customerId,
                line.account().programId,
                entry.id,
                entry.type,
                entry.points,
                entry.balanceAfter,
                line.account().tier,
                entry.reasonCode,
                entry.ruleId,
                entry.purchaseId,
                entry.lotId,
                entry.reverses,
                entry.linkedEntryId,
                entry.actor,
                plan.origin().rules());
    }

    private LoyaltyAccount visible(List<LoyaltyAccount> found, UUID id) {
        LoyaltyAccount account = visibleOrNull(found, id);
        if (account == null) {
            throw DomainException.notFound("loyalty account", id);
        }
        return account;
    }

    private LoyaltyAccount visibleOrNull(List<LoyaltyAccount> found, UUID id) {
        String scope = caller.partnerScope();
        return found.stream()
                .filter(account -> account.id.equals(id) && Caller.mayAccess(scope, account.partnerId))
                .findFirst()
                .orElse(null);
    }
}
