package dev.rapport.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The customer domain's part of a merge: purchases (an order reference the survivor has already gets the merged
 * customer's id appended) and interactions move, the activity facts are computed again for the survivor, and
 * customers merged into the merged one before now point at the survivor. Email ownership and match keys were
 * released when the merged customer was deleted; merge records are history and stay.
 */
@ApplicationScoped
class CustomerRecordsMergeStep implements CustomerMergeStep {

    /** The customer domain's columns that hold a customer's id (its privacy step covers the same). */
    static final List<String> COLUMNS = List.of(
            "purchase.customer_id",
            "interaction.customer_id",
            "customer_activity.customer_id",
            "consent_change.customer_id",
            "customer_email.customer_id",
            "customer_match_key.customer_id",
            "customer.merged_into",
            "customer_merge.merged_id",
            "customer_merge.survivor_id");

    @Override
    public List<String> customerColumns() {
        return COLUMNS;
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        List<MovedRecords> moved = new ArrayList<>();
        return Panache.getSession()
                .chain(session -> update(session, """
                                update purchase p set order_ref = p.order_ref || ' (merged from ' || cast(cast(:merged as uuid) as text) || ')'
                                where p.customer_id = :merged and exists (
                                    select 1 from purchase q where q.customer_id = :survivor and q.order_ref = p.order_ref)
                                """, mergedId, survivorId)
                        .chain(() -> CustomerMergeStep.reassign("purchase", "customer_id", mergedId, survivorId))
                        .invoke(moved::add)
                        .chain(() -> CustomerMergeStep.reassign("interaction", "customer_id", mergedId, survivorId))
                        .invoke(moved::add)
                        .chain(() -> CustomerMergeStep.reassign("consent_change", "customer_id", mergedId, survivorId))
                        .invoke(moved::add)
                        .chain(() -> update(session, ACTIVITY, mergedId, survivorId))
                        .chain(() -> update(
                                session,
                                "delete from customer_activity where customer_id = :merged",
                                mergedId,
                                survivorId))
                        .invoke(n -> moved.add(new MovedRecords("customer_activity", n)))
                        .chain(() -> CustomerMergeStep.reassign("customer", "merged_into", mergedId, survivorId))
                        .invoke(moved::add))
                .replaceWith(moved);
    }

    /** The survivor's purchase and interaction facts computed from its records, as the writes keep them. */
    private static final String ACTIVITY = """
            with p as (
                select sum(n) as n, jsonb_object_agg(currency, total) as vals, min(first_at) as first_at,
                    max(last_at) as last_at
                from (select trim(currency) as currency, count(*) as n, sum(amount - refunded_amount) as total,
                          min(occurred_at) as first_at, max(occurred_at) as last_at
                      from purchase where customer_id = :survivor group by trim(currency)) x),
            i as (
                select sum(n) as n, jsonb_object_agg(type, n) as counts, max(last_at) as last_at
                from (select type, count(*) as n, max(occurred_at) as last_at
                      from interaction where customer_id = :survivor group by type) y)
            insert into customer_activity as a (customer_id, purchase_count, lifetime_values, first_purchase_at,
                last_purchase_at, interaction_count, interaction_counts, last_interaction_at)
            select :survivor, coalesce(p.n, 0), coalesce(p.vals, '{}'), p.first_at, p.last_at, coalesce(i.n, 0),
                coalesce(i.counts, '{}'), i.last_at
            from p, i
            on conflict (customer_id) do update set
                purchase_count = excluded.purchase_count, lifetime_values = excluded.lifetime_values,
                first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at,
                interaction_count = excluded.interaction_count, interaction_counts = excluded.interaction_counts,
                last_interaction_at = excluded.last_interaction_at
            """;

    private static Uni<Long> update(Mutiny.Session session, String sql, UUID mergedId, UUID survivorId) {
        var query = session.createNativeQuery(sql);
        if (sql.contains(":merged")) {
            query.setParameter("merged", mergedId);
        }
        if (sql.contains(":survivor")) {
            query.setParameter("survivor", survivorId);
        }
        return query.executeUpdate().map(Integer::longValue);
    }
}
