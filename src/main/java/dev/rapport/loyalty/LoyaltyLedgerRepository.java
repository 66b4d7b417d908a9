package dev.rapport.loyalty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Ledger entries, lots and allocations inside a posting's transaction (its account row locked). */
@ApplicationScoped
public class LoyaltyLedgerRepository implements PanacheRepositoryBase<LoyaltyEntry, UUID> {

    /** The entry an earlier posting with {@code key} made on the account, or null. */
    public Uni<LoyaltyEntry> byKey(UUID accountId, String key) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, key).firstResult();
    }

    /** The account's lots that still hold points. */
    public Uni<List<LoyaltyLot>> openLots(UUID accountId) {
        return Panache.getSession()
                .chain(session -> session.createQuery(
                                "from LoyaltyLot where accountId = :account and remaining > 0", LoyaltyLot.class)
                        .setParameter("account", accountId)
                        .getResultList());
    }

    /** The lots an entry made. */
    public Uni<List<LoyaltyLot>> lotsOf(UUID entryId) {
        return Panache.getSession()
                .chain(session -> session.createQuery("from LoyaltyLot where entryId = :entry", LoyaltyLot.class)
                        .setParameter("entry", entryId)
                        .getResultList());
    }

    /** The points a debit took from each lot, with the lots' times. */
    public Uni<List<LoyaltyLedger.Take>> takesOf(UUID entryId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(lot_id as text) || ':' || points from loyalty_allocation"
                                        + " where entry_id = :entry and points > 0",
                                String.class)
                        .setParameter("entry", entryId)
                        .getResultList()
                        .chain(rows -> {
                            Map<UUID, Long> taken = new HashMap<>();
                            for (String row : rows) {
                                int colon = row.indexOf(':');
                                taken.put(
                                        UUID.fromString(row.substring(0, colon)),
                                        Long.parseLong(row.substring(colon + 1)));
                            }
                            if (taken.isEmpty()) {
                                return Uni.createFrom().item(List.<LoyaltyLedger.Take>of());
                            }
                            return session.createQuery("from LoyaltyLot where id in :ids", LoyaltyLot.class)
                                    .setParameter("ids", taken.keySet())
                                    .getResultList()
                                    .map(lots -> lots.stream()
                                            .map(lot -> new LoyaltyLedger.Take(
                                                    lot.id, taken.get(lot.id), lot.earnedAt, lot.expiresAt))
                                            .toList());
                        }));
    }

    /** The points reversals of the entry have reversed so far (a positive number). */
    public Uni<Long> reversedOf(UUID entryId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(coalesce(sum(abs(points)), 0) as bigint) from loyalty_entry where reverses = :entry",
                                Long.class)
                        .setParameter("entry", entryId)
                        .getSingleResult());
    }

    /** Records which lots a debit took from (entries and lots must be flushed). */
    public Uni<Void> allocate(UUID entryId, List<LoyaltyLedger.Take> takes) {
        if (takes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into loyalty_allocation (entry_id, lot_id, points)"
                                + " select :entry, cast(lot as uuid), cast(points as bigint)"
                                + " from unnest(string_to_array(:lots, ','), string_to_array(:points, ','))"
                                + " as t (lot, points)")
                        .setParameter("entry", entryId)
                        .setParameter("lots", join(takes, take -> take.lotId().toString()))
                        .setParameter("points", join(takes, take -> Long.toString(take.points())))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static String join(List<LoyaltyLedger.Take> takes, Function<LoyaltyLedger.Take, String> value) {
        return takes.stream().map(value).collect(Collectors.joining(","));
    }
}
