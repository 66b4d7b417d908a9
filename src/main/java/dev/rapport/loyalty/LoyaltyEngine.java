package dev.rapport.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.CustomerEvent;
import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.customer.api.RefundView;
import dev.rapport.event.EventConsumer;
import dev.rapport.event.StoredEvent;
import dev.rapport.loyalty.LoyaltyAwardRepository.Award;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentService;
import dev.rapport.segment.api.SegmentMemberView;
import io.smallrye.mutiny.Uni;

/**
 * Earns points from purchases, from the event log: every {@code purchase.recorded} of an enrolled customer (recorded
 * since the enrolment) earns
 * each of their accounts by its program's rules, once ({@code loyalty_award} holds one row per account and
 * purchase, so a replayed batch earns nothing twice), as available points or, within the program's return window,
 * pending ones; every {@code purchase.refunded} takes back the points in proportion to the amount refunded: pending
 * points are cancelled, available ones reversed (as far as the balance holds them: the rest was spent, and the
 * reversal's note says how many).
 */
@ApplicationScoped
public class LoyaltyEngine implements EventConsumer {

    private final LoyaltyAccountRepository accounts;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyEarningRuleRepository rules;
    private final LoyaltyAwardRepository awards;
    private final LoyaltyLedgerService ledger;
    private final LoyaltyTiers tiers;
    private final CustomerService customers;
    private final SegmentService segments;
    private final ObjectMapper json;
    private final Clock clock;

    LoyaltyEngine(
            LoyaltyAccountRepository accounts,
            LoyaltyProgramRepository programs,
            LoyaltyEarningRuleRepository rules,
            LoyaltyAwardRepository awards,
            LoyaltyLedgerService ledger,
            LoyaltyTiers tiers,
            CustomerService customers,
            SegmentService segments,
            ObjectMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.programs = programs;
        this.rules = rules;
        this.awards = awards;
        this.ledger = ledger;
        this.tiers = tiers;
        this.customers = customers;
        this.segments = segments;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public Uni<Void> handle(List<StoredEvent> batch) {
        List<StoredEvent> purchases = batch.stream()
                .filter(event -> CustomerEvent.PURCHASE_RECORDED.equals(event.type())
                        || CustomerEvent.PURCHASE_REFUNDED.equals(event.type()))
                .toList();
        if (purchases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> customerIds = purchases.stream().map(StoredEvent::subjectId).collect(Collectors.toSet());
        return accounts.idsByCustomer(customerIds).chain(byCustomer -> {
            if (byCustomer.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Batch context = new Batch(List.copyOf(byCustomer.keySet()));
            Uni<Void> handled = Uni.createFrom().voidItem();
            for (StoredEvent event : purchases) {
                for (UUID accountId : byCustomer.getOrDefault(event.subjectId(), List.of())) {
                    handled = handled.chain(() -> CustomerEvent.PURCHASE_RECORDED.equals(event.type())
                            ? earn(accountId, read(event, PurchaseView.class), context)
                            : refund(accountId, read(event, RefundView.class)));
                }
            }
            return handled;
        });
    }

    /**
     * What one batch reads once for all its purchases: the programs' rules, and the enrolled customers' profiles and
     * segments, each with one statement when first needed (pooled reads inside the batch's transaction would each
     * wait for a connection of their own).
     */
    private final class Batch {

        private final List<UUID> customerIds;
        private final Map<UUID, List<LoyaltyEarningRule>> rules = new HashMap<>();
        private Map<UUID, CustomerView> profiles;
        private Map<UUID, Set<UUID>> memberships;

        Batch(List<UUID> customerIds) {
            this.customerIds = customerIds;
        }

        Uni<List<LoyaltyEarningRule>> rulesOf(LoyaltyProgram program, PurchaseView purchase) {
            List<LoyaltyEarningRule> known = rules.get(program.id);
            if (known != null) {
                return Uni.createFrom().item(known);
            }
            return LoyaltyEngine.this
                    .rules
                    .enabledOf(program.id, purchase.occurredAt(), purchase.occurredAt())
                    .invoke(found -> {
                        if (found.stream().allMatch(rule -> rule.validFrom == null && rule.validUntil == null)) {
                            rules.put(program.id, found);
                        }
                    });
        }

        Uni<CustomerView> profile(UUID customerId) {
            if (profiles != null) {
                return Uni.createFrom().item(profiles.get(customerId));
            }
            return customers.find(customerIds).map(found -> {
                profiles = found;
                return found.get(customerId);
            });
        }

        Uni<Set<UUID>> segmentsOf(UUID customerId) {
            if (memberships != null) {
                return Uni.createFrom().item(memberships.getOrDefault(customerId, Set.of()));
            }
            return segments.segmentsOf(customerIds).map(found -> {
                memberships = new HashMap<>();
                found.forEach((customer, in) -> memberships.put(
                        customer, in.stream().map(SegmentMemberView::segmentId).collect(Collectors.toSet())));
                return memberships.getOrDefault(customerId, Set.of());
            });
        }
    }

    private Uni<Void> earn(UUID accountId, PurchaseView purchase, Batch batch) {
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                .chain(account -> purchase.createdAt().isBefore(account.enrolledAt)
                        ? Uni.createFrom().voidItem()
                        : programs.findById(account.programId)
                                .chain(program -> batch.rulesOf(program, purchase)
                                        .chain(rules -> member(account, rules, batch)
                                                .chain(member -> award(account, program, purchase, rules, member)))));
    }

    private Uni<Void> award(
            LoyaltyAccount account,
            LoyaltyProgram program,
            PurchaseView purchase,
            List<LoyaltyEarningRule> rules,
            LoyaltyEarning.Member member) {
        List<LoyaltyRecords.Contribution> earned = LoyaltyEarning.earn(rules, program, earning(purchase), member);
        long points =
                earned.stream().mapToLong(LoyaltyRecords.Contribution::points).sum();
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime available = purchase.occurredAt().plusDays(program.pendingDays);
        boolean pending = points > 0 && available.isAfter(now);
        return awards.insert(
                        account.id,
                        purchase.id(),
                        points,
                        earned,
                        purchase.amount(),
                        purchase.currency(),
                        pending ? LoyaltyAwardRepository.PENDING : LoyaltyAwardRepository.POSTED,
                        pending ? available : now,
                        purchase.occurredAt(),
                        now)
                .call(inserted -> inserted && LoyaltyRecords.SPEND.equals(program.qualification.basis())
                        ? tiers.raise(program, account)
                        : Uni.createFrom().voidItem())
                .chain(inserted -> {
                    if (!inserted || points == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    if (pending) {
                        account.pending += points;
                        account.updatedAt = now;
                        return Uni.createFrom().voidItem();
                    }
                    return post(account, purchase.id(), points, earned);
                });
    }

    /** Posts an award's points as an earn entry of the (locked) account, and records the entry with the award. */
    Uni<Void> post(LoyaltyAccount account, UUID purchaseId, long points, List<LoyaltyRecords.Contribution> earned) {
        return ledger.planEarning(account, points, new LoyaltyPostings.Origin(purchaseId, null, earned))
                .chain(ledger::writeFor)
                .chain(entry -> awards.update(account.id, purchaseId, LoyaltyAwardRepository.POSTED, 0, entry.id));
    }

    private Uni<Void> refund(UUID accountId, RefundView refund) {
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                .chain(account -> awards.find(account.id, refund.purchaseId()).chain(award -> {
                    if (award == null
                            || award.points() == 0
                            || LoyaltyAwardRepository.CANCELLED.equals(award.status())) {
                        return Uni.createFrom().voidItem();
                    }
                    long due = Math.min(
                            award.points(),
                            refund.refundedAmount()
                                    .multiply(java.math.BigDecimal.valueOf(award.points()))
                                    .divide(award.purchaseAmount(), 0, java.math.RoundingMode.DOWN)
                                    .longValueExact());
                    long more = due - award.refundedPoints();
                    if (more <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return LoyaltyAwardRepository.PENDING.equals(award.status())
                            ? cancelPending(account, award, more)
                            : reverse(account, award, more);
                }));
    }

    private Uni<Void> cancelPending(LoyaltyAccount account, Award award, long points) {
        long refunded = award.refundedPoints() + points;
        account.pending -= points;
        account.updatedAt = Clocks.now(clock);
        return awards.update(
                account.id,
                award.purchaseId(),
                refunded == award.points() ? LoyaltyAwardRepository.CANCELLED : LoyaltyAwardRepository.PENDING,
                refunded,
                null);
    }

    private Uni<Void> reverse(LoyaltyAccount account, Award award, long points) {
        long collected = Math.min(points, account.balance);
        String note = collected < points
                ? (points - collected) + " of " + points + " points could not be taken back: the account holds "
                        + account.balance
                : null;
        Uni<Void> reversed = collected == 0
                ? Uni.createFrom().voidItem()
                : ledger.planFor(
                                account,
                                new LoyaltyPostingRequest(
                                        LoyaltyEntry.REVERSE, collected, "refund", note, award.entryId(), null))
                        .map(plan -> plan.from(new LoyaltyPostings.Origin(award.purchaseId(), null, null)))
                        .chain(ledger::writeFor)
                        .replaceWithVoid();
        return reversed.chain(() -> awards.update(
                account.id, award.purchaseId(), LoyaltyAwardRepository.POSTED, award.refundedPoints() + points, null));
    }

    /** What earning needs of the customer and the account: tier, first purchase, birthday, attributes, segments. */
    private Uni<LoyaltyEarning.Member> member(LoyaltyAccount account, List<LoyaltyEarningRule> rules, Batch batch) {
        boolean needsProfile = rules.stream()
                .anyMatch(rule ->
                        rule.conditions.attributeKey() != null || Boolean.TRUE.equals(rule.conditions.birthdayMonth()));
        boolean needsSegments = rules.stream().anyMatch(rule -> rule.conditions.segmentId() != null);
        boolean needsHistory = rules.stream().anyMatch(rule -> Boolean.TRUE.equals(rule.conditions.firstPurchase()));
        return (needsHistory ? awards.any(account.id) : Uni.createFrom().item(false))
                .chain(earlier -> (needsProfile
                                ? batch.profile(account.customerId)
                                : Uni.createFrom().<CustomerView>nullItem())
                        .chain(customer -> (needsSegments
                                        ? batch.segmentsOf(account.customerId)
                                        : Uni.createFrom().item(Set.<UUID>of()))
                                .map(in -> new LoyaltyEarning.Member(
                                        account.tier,
                                        !earlier,
                                        customer == null ? null : customer.birthday(),
                                        customer == null ? Map.of() : customer.attributes(),
                                        in))));
    }

    private static LoyaltyEarning.Purchase earning(PurchaseView purchase) {
        List<LoyaltyEarning.Line> lines = purchase.items() == null
                ? List.of()
                : purchase.items().stream()
                        .map(item -> new LoyaltyEarning.Line(
                                item.category(),
                                item.unitPrice() == null
                                        ? java.math.BigDecimal.ZERO
                                        : item.unitPrice().multiply(java.math.BigDecimal.valueOf(item.quantity()))))
                        .toList();
        return new LoyaltyEarning.Purchase(
                purchase.amount(), purchase.currency(), purchase.channel(), lines, purchase.occurredAt());
    }

    private <T> T read(StoredEvent event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the data of event " + event.id(), e);
        }
    }
}
