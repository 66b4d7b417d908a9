package dev.rapport.customer;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Customer profiles and their email ownership inside write transactions; callers read through CustomerQueries. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /**
     * A customer the caller may change, or null: live unless {@code includeDeleted}, and of {@code partnerId} when
     * the caller is a partner (another partner's customer is as absent as a missing one).
     */
    public Uni<Customer> findVisible(UUID id, String partnerId, boolean includeDeleted) {
        return findById(id)
                .map(customer -> customer == null
                                || (customer.isDeleted() && !includeDeleted)
                                || !Caller.mayAccess(partnerId, customer.partnerId)
                        ? null
                        : customer);
    }

    /**
     * Records that these normalized addresses belong to the customer (after flushing it, so the row exists).
     *
     * @return the addresses that already belong to another live customer (none of those is claimed)
     */
    public Uni<List<String>> claimEmails(UUID customerId, String partnerId, Set<String> emails) {
        String scope = partnerId == null ? "" : partnerId;
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> emails.isEmpty()
                                ? Uni.createFrom().item(List.<String>of())
                                : session.createNativeQuery("""
                                insert into customer_email (partner_scope, email, customer_id)
                                select :scope, e, :id from unnest(string_to_array(:emails, E'\\n')) e
                                on conflict (partner_scope, email) do update set customer_id = excluded.customer_id
                                    where customer_email.customer_id = excluded.customer_id
                                returning email
                                """, String.class)
                                        .setParameter("id", customerId)
                                        .setParameter("scope", scope)
                                        .setParameter("emails", String.join("\n", emails))
                                        .getResultList()
                                        .map(claimed -> emails.stream()
                                                .filter(e -> !claimed.contains(e))
                                                .sorted()
                                                .toList())));
    }

    /** Frees the addresses a customer no longer has, keeping {@code kept}. */
    public Uni<Integer> releaseEmailsExcept(UUID customerId, Set<String> kept) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "delete from customer_email where customer_id = :id and email <> all(string_to_array(:emails, E'\\n'))")
                        .setParameter("id", customerId)
                        .setParameter("emails", String.join("\n", kept))
                        .executeUpdate());
    }

    /** Frees the addresses of a deleted customer for reuse. */
    public Uni<Integer> releaseEmails(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from customer_email where customer_id = :id")
                        .setParameter("id", customerId)
                        .executeUpdate());
    }

    /** The live customer a normalized address belongs to in a partner's scope ('' in-house), or null. */
    public Uni<UUID> findByEmail(String partnerId, String email) {
        String scope = partnerId == null ? "" : partnerId;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select customer_id from customer_email where partner_scope = :scope and email = :email",
                                UUID.class)
                        .setParameter("scope", scope)
                        .setParameter("email", email)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** The live customer other than {@code exceptId} holding this external id in a partner's scope, or null. */
    public Uni<UUID> findByExternalId(String partnerId, String externalId, UUID exceptId) {
        String scope = partnerId == null ? "" : partnerId;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select id from customer
                                where coalesce(partner_id, '') = :scope and external_id = :external
                                    and deleted_at is null and id <> :except
                                """, UUID.class)
                        .setParameter("scope", scope)
                        .setParameter("external", externalId)
                        .setParameter("except", exceptId)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** The oldest live customer with this normalized phone number in a partner's scope ('' in-house), or null. */
    public Uni<UUID> findByPhone(String partnerId, String phone) {
        String scope = partnerId == null ? "" : partnerId;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select id from customer
                                where contacts -> 'phones' @> jsonb_build_array(jsonb_build_object('number', cast(:phone as text)))
                                    and deleted_at is null and coalesce(partner_id, '') = :scope
                                order by created_at, id limit 1
                                """, UUID.class)
                        .setParameter("phone", phone)
                        .setParameter("scope", scope)
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Replaces the keys a customer is matched on (after flushing it, so the row exists). */
    public Uni<Void> replaceMatchKeys(UUID customerId, String partnerId, List<CustomerMatching.MatchKey> keys) {
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery("delete from customer_match_key where customer_id = :id")
                                .setParameter("id", customerId)
                                .executeUpdate())
                        .chain(() -> keys.isEmpty()
                                ? Uni.createFrom().item(0)
                                : session.createNativeQuery("""
                                insert into customer_match_key (customer_id, kind, key, partner_scope)
                                select :id, k, v, :scope
                                from unnest(string_to_array(:kinds, E'\\n'), string_to_array(:keys, E'\\n')) as t (k, v)
                                on conflict do nothing
                                """)
                                        .setParameter("id", customerId)
                                        .setParameter("scope", partnerId == null ? "" : partnerId)
                                        .setParameter(
                                                "kinds",
                                                String.join(
                                                        "\n",
                                                        keys.stream()
                                                                .map(CustomerMatching.MatchKey::kind)
                                                                .toList()))
                                        .setParameter(
                                                "keys",
                                                String.join(
                                                        "\n",
                                                        keys.stream()
                                                                .map(k ->
                                                                        k.key().replace('\n', ' '))
                                                                .toList()))
                                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Removes a customer that is no longer live from matching. */
    public Uni<Integer> deleteMatchKeys(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from customer_match_key where customer_id = :id")
                        .setParameter("id", customerId)
                        .executeUpdate());
    }

    /** The candidates of one customer, in the current transaction: rows of candidate id, shared kinds, similarity. */
    public Uni<List<Object[]>> candidates(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                CustomerMatching.candidatesSql("k.customer_id = :id"), Object[].class)
                        .setParameter("id", customerId)
                        .getResultList());
    }
}
