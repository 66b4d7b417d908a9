package dev.rapport.loyalty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.NativeValues;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What purchases earned accounts ({@code loyalty_award}), inside the earning engine's and the jobs' transactions;
 * the account row is locked before its awards are read or written.
 */
@ApplicationScoped
public class LoyaltyAwardRepository {

    /** An award as the engine reads it. */
    public record Award(
            UUID accountId,
            UUID purchaseId,
            long points,
            long refundedPoints,
            BigDecimal purchaseAmount,
            String status,
            OffsetDateTime availableAt,
            UUID entryId) {}

    public static final String PENDING = "pending";
    public static final String POSTED = "posted";
    public static final String CANCELLED = "cancelled";

    private static final String COLUMNS = "cast(account_id as text), cast(purchase_id as text), points,"
            + " refunded_points, purchase_amount, status, available_at, cast(entry_id as text)";

    private final ObjectMapper json;

    LoyaltyAwardRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Whether the account has any award: a purchase before this one. */
    public Uni<Boolean> any(UUID accountId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from (select 1 from loyalty_award where account_id = :account limit 1) a",
                                Long.class)
                        .setParameter("account", accountId)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** The award of a purchase to an account, locked; null when there is none. */
    public Uni<Award> find(UUID accountId, UUID purchaseId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select " + COLUMNS + " from loyalty_award where account_id = :account"
                                        + " and purchase_id = :purchase for update",
                                Object[].class)
                        .setParameter("account", accountId)
                        .setParameter("purchase", purchaseId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : award(rows.get(0)));
    }

    /** The awards due by {@code now}, oldest first, not locked: each is locked with its account before it is posted. */
    public Uni<List<Award>> due(OffsetDateTime now, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select " + COLUMNS + " from loyalty_award where status = 'pending'"
                                        + " and available_at <= :now order by available_at limit :limit",
                                Object[].class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(LoyaltyAwardRepository::award).toList());
    }

    /** Records an award; false when the purchase already earned the account (a replayed event). */
    public Uni<Boolean> insert(
            UUID accountId,
            UUID purchaseId,
            long points,
            List<LoyaltyRecords.Contribution> rules,
            BigDecimal amount,
            String currency,
            String status,
            OffsetDateTime availableAt,
            OffsetDateTime occurredAt,
            OffsetDateTime now) {
        String contributions;
        try {
            contributions = json.writeValueAsString(new LoyaltyRecords.Contributions(rules));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into loyalty_award (account_id, purchase_id, points, rules, purchase_amount,
                                    currency, status, available_at, occurred_at, created_at)
                                values (:account, :purchase, :points, cast(:rules as jsonb), :amount, :currency,
                                    :status, :available, :occurred, :now)
                                on conflict do nothing
                                """)
                        .setParameter("account", accountId)
                        .setParameter("purchase", purchaseId)
                        .setParameter("points", points)
                        .setParameter("rules", contributions)
                        .setParameter("amount", amount)
                        .setParameter("currency", currency)
                        .setParameter("status", status)
                        .setParameter("available", availableAt)
                        .setParameter("occurred", occurredAt)
                        .setParameter("now", now)
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** Changes an award's status, refunded points and entry. */
    public Uni<Void> update(UUID accountId, UUID purchaseId, String status, long refundedPoints, UUID entryId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update loyalty_award set status = :status, refunded_points = :refunded,"
                                        + " entry_id = coalesce(:entry, entry_id)"
                                        + " where account_id = :account and purchase_id = :purchase")
                        .setParameter("status", status)
                        .setParameter("refunded", refundedPoints)
                        .setParameter("entry", entryId)
                        .setParameter("account", accountId)
                        .setParameter("purchase", purchaseId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Award award(Object[] row) {
        return new Award(
                UUID.fromString((String) row[0]),
                UUID.fromString((String) row[1]),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(),
                new BigDecimal(row[4].toString()),
                (String) row[5],
                NativeValues.time(row[6]),
                row[7] == null ? null : UUID.fromString((String) row[7]));
    }
}
