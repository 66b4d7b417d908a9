package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Rewards and their codes inside write transactions. */
@ApplicationScoped
public class LoyaltyRewardRepository implements PanacheRepositoryBase<LoyaltyReward, UUID> {

    /** Takes one from the reward's stock; false when none is left (a reward without stock never runs out). */
    public Uni<Boolean> take(UUID rewardId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update loyalty_reward set stock = stock - 1 where id = :id and stock > 0")
                        .setParameter("id", rewardId)
                        .executeUpdate())
                .chain(taken -> taken > 0
                        ? Uni.createFrom().item(true)
                        : Panache.getSession()
                                .chain(session -> session.createNativeQuery(
                                                "select count(*) from loyalty_reward where id = :id and stock is null",
                                                Long.class)
                                        .setParameter("id", rewardId)
                                        .getSingleResult())
                                .map(unlimited -> unlimited > 0));
    }

    /** Sets the stock (a change of the catalogue, not a redemption). */
    public Uni<Void> restock(UUID rewardId, Long stock) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update loyalty_reward set stock = :stock where id = :id")
                        .setParameter("stock", stock)
                        .setParameter("id", rewardId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** How many codes of the reward were issued. */
    public Uni<Long> issued(UUID rewardId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from loyalty_reward_code where reward_id = :reward", Long.class)
                        .setParameter("reward", rewardId)
                        .getSingleResult());
    }

    /** How many codes of the reward the account was issued. */
    public Uni<Long> issuedTo(UUID rewardId, UUID accountId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from loyalty_reward_code where reward_id = :reward and account_id = :account",
                                Long.class)
                        .setParameter("reward", rewardId)
                        .setParameter("account", accountId)
                        .getSingleResult());
    }

    /** Records a code issued for a redemption (the entry must be flushed). */
    public Uni<Void> issue(String code, UUID rewardId, UUID accountId, UUID entryId, OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into loyalty_reward_code (code, reward_id, account_id, entry_id, issued_at)"
                                        + " values (:code, :reward, :account, :entry, :at)")
                        .setParameter("code", code)
                        .setParameter("reward", rewardId)
                        .setParameter("account", accountId)
                        .setParameter("entry", entryId)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The code issued for a redemption entry, or null. */
    public Uni<String> codeOf(UUID entryId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select code from loyalty_reward_code where entry_id = :entry", String.class)
                        .setParameter("entry", entryId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * The code a caller of {@code scope} may see, locked: account id, partner, reward id, customer id (as text) and
     * when it was used (null: not yet); null when there is none.
     */
    public Uni<Object[]> lockCode(String code, String scope) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select cast(c.account_id as text), a.partner_id, cast(c.reward_id as text),
                                    cast(a.customer_id as text), c.used_at
                                from loyalty_reward_code c join loyalty_account a on a.id = c.account_id
                                where c.code = :code and (cast(:scope as text) is null or a.partner_id = :scope)
                                for update of c
                                """, Object[].class)
                        .setParameter("code", code)
                        .setParameter("scope", scope)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Marks a (locked, unused) code used. */
    public Uni<Void> use(String code, String actor, OffsetDateTime at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update loyalty_reward_code set used_at = :at, used_by = :actor where code = :code")
                        .setParameter("code", code)
                        .setParameter("actor", actor)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
