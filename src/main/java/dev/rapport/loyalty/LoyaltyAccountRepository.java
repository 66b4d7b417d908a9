package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Accounts inside write transactions, with their cards; callers read through {@link LoyaltyQueries}. A posting holds
 * its account's row locked from before it reads the balance until it commits, so postings to one account follow
 * each other, on any replica.
 */
@ApplicationScoped
public class LoyaltyAccountRepository implements PanacheRepositoryBase<LoyaltyAccount, UUID> {

    /** The account, locked for a posting when {@code lock}; null when a caller of {@code scope} may not see it. */
    public Uni<LoyaltyAccount> findVisible(UUID id, String scope, boolean lock) {
        return (lock ? findById(id, LockModeType.PESSIMISTIC_WRITE) : findById(id))
                .map(account -> account == null || !Caller.mayAccess(scope, account.partnerId) ? null : account);
    }

    public Uni<Boolean> enrolled(UUID programId, UUID customerId) {
        return count("programId = ?1 and customerId = ?2", programId, customerId)
                .map(count -> count > 0);
    }

    /** Records a card issued to the account (the account row must be flushed). */
    public Uni<Void> issueCard(UUID accountId, String number, OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into loyalty_card (number, account_id, issued_at) values (:number, :account, :at)")
                        .setParameter("number", number)
                        .setParameter("account", accountId)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Marks the card replaced: it no longer answers a lookup. */
    public Uni<Void> replaceCard(String number, OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update loyalty_card set replaced_at = :at where number = :number")
                        .setParameter("number", number)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The ids of the accounts of each of the customers (only the ids: the accounts are locked as they are read). */
    public Uni<Map<UUID, List<UUID>>> idsByCustomer(Collection<UUID> customerIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text), cast(customer_id as text) from loyalty_account"
                                        + " where customer_id = any(cast(string_to_array(:customers, ',') as uuid[]))"
                                        + " order by id",
                                Object[].class)
                        .setParameter(
                                "customers",
                                customerIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                        .getResultList())
                .map(rows -> {
                    Map<UUID, List<UUID>> ids = new HashMap<>();
                    for (Object[] row : rows) {
                        ids.computeIfAbsent(UUID.fromString((String) row[1]), id -> new ArrayList<>())
                                .add(UUID.fromString((String) row[0]));
                    }
                    return ids;
                });
    }

    /** The accounts' ids in the order every transaction locks them in, so two transfers never deadlock. */
    public Uni<List<LoyaltyAccount>> lockAll(List<UUID> ids) {
        List<UUID> ordered = ids.stream().distinct().sorted().toList();
        Uni<List<LoyaltyAccount>> locked = Uni.createFrom().item(new java.util.ArrayList<>());
        for (UUID id : ordered) {
            locked = locked.chain(accounts -> findById(id, LockModeType.PESSIMISTIC_WRITE)
                    .map(account -> {
                        if (account != null) {
                            accounts.add(account);
                        }
                        return accounts;
                    }));
        }
        return locked;
    }
}
