package dev.rapport.loyalty;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The loyalty domain's part of a merge. An account in a program the survivor has no account in becomes the
 * survivor's, card and ledger with it. In a program both are enrolled in, the merged customer's account is emptied
 * into the survivor's by a transfer posting (the ledger is never edited; lots keep their expiry), and its pending
 * earnings wait on the survivor's account instead; the emptied account stays with the merged customer as history.
 */
@ApplicationScoped
class LoyaltyMergeStep implements CustomerMergeStep {

    static final String REASON = "customer_merge";

    private final LoyaltyLedgerService ledger;

    LoyaltyMergeStep(LoyaltyLedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<String> customerColumns() {
        return List.of("loyalty_account.customer_id");
    }

    /** One account of the merged customer, and the survivor's in the same program (null when it has none). */
    private record Pair(UUID merged, UUID survivor, long balance) {}

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select cast(m.id as text), cast(s.id as text), m.balance
                                from loyalty_account m
                                left join loyalty_account s on s.program_id = m.program_id and s.customer_id = :survivor
                                where m.customer_id = :merged
                                order by m.id
                                """, Object[].class)
                        .setParameter("merged", mergedId)
                        .setParameter("survivor", survivorId)
                        .getResultList())
                .chain(rows -> {
                    List<Pair> pairs = rows.stream()
                            .map(row -> new Pair(
                                    UUID.fromString((String) row[0]),
                                    row[1] == null ? null : UUID.fromString((String) row[1]),
                                    ((Number) row[2]).longValue()))
                            .toList();
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Pair pair : pairs) {
                        all = all.chain(
                                () -> pair.survivor() == null ? reassign(pair, survivorId) : combine(pair, mergedId));
                    }
                    long accounts =
                            pairs.stream().filter(p -> p.survivor() == null).count();
                    long combined = pairs.size() - accounts;
                    return all.replaceWith(List.of(
                            new MovedRecords("loyalty_account", accounts),
                            new MovedRecords("loyalty_entry", combined)));
                });
    }

    private static Uni<Void> reassign(Pair pair, UUID survivorId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update loyalty_account set customer_id = :survivor, version = version + 1 where id = :id")
                        .setParameter("survivor", survivorId)
                        .setParameter("id", pair.merged())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Pending earnings move first (a native change), then the balance is posted across through the ledger. */
    private Uni<Void> combine(Pair pair, UUID mergedId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                with moved as (
                                    update loyalty_award set account_id = :survivor
                                    where account_id = :merged and status = 'pending'
                                    returning points - refunded_points as points)
                                update loyalty_account a set pending = a.pending + case when a.id = :survivor
                                    then (select coalesce(sum(points), 0) from moved)
                                    else -(select coalesce(sum(points), 0) from moved) end
                                where a.id in (:survivor, :merged)
                                """)
                        .setParameter("survivor", pair.survivor())
                        .setParameter("merged", pair.merged())
                        .executeUpdate())
                .chain(() -> pair.balance() <= 0
                        ? Uni.createFrom().voidItem()
                        : ledger.post(
                                        pair.merged(),
                                        new LoyaltyPostingRequest(
                                                "transfer",
                                                pair.balance(),
                                                REASON,
                                                "Customer " + mergedId
                                                        + " merged; balance moved to the surviving account",
                                                null,
                                                pair.survivor()),
                                        "merge:" + mergedId + ":" + pair.merged())
                                .replaceWithVoid());
    }
}
