package dev.rapport.customer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.SqlFilterCompiler;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Fields a customer list may be filtered by, and the SQL each reads. */
    static final SqlFilterCompiler FILTER = new SqlFilterCompiler(List.of(
            FilterField.of("givenName", "c.given_name", FieldType.TEXT),
            FilterField.of("familyName", "c.family_name", FieldType.TEXT),
            FilterField.of("email", "c.primary_email", FieldType.TEXT, CustomerNormalizer::email),
            FilterField.of("phone", "c.primary_phone", FieldType.TEXT, CustomerNormalizer::phone),
            FilterField.of("locale", "c.locale", FieldType.TEXT),
            FilterField.of("timeZone", "c.time_zone", FieldType.TEXT),
            FilterField.of("ownerId", "c.owner_id", FieldType.TEXT),
            FilterField.of("birthday", "c.birthday", FieldType.DATE),
            FilterField.of("createdAt", "c.created_at", FieldType.TIMESTAMP),
            FilterField.of("updatedAt", "c.updated_at", FieldType.TIMESTAMP),
            FilterField.of("tags", "c.tags", FieldType.STRING_ARRAY, CustomerNormalizer::tag),
            FilterField.of("attributes", "c.attributes", FieldType.ATTRIBUTES)));

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("createdAt", "c.created_at", Kind.TIMESTAMP),
            "updatedAt", new SortField("updatedAt", "c.updated_at", Kind.TIMESTAMP),
            "familyName", new SortField("familyName", "coalesce(lower(c.family_name), '')", Kind.TEXT),
            "givenName", new SortField("givenName", "coalesce(lower(c.given_name), '')", Kind.TEXT));

    static final Sort DEFAULT_SORT = new Sort(SORTS.get("createdAt"), true);

    /**
     * A customer the caller may see, or null: live unless {@code includeDeleted}, and of {@code partnerId} when the
     * caller is a partner (another partner's customer is as absent as a missing one).
     */
    public Uni<Customer> findVisible(UUID id, String partnerId, boolean includeDeleted) {
        return findById(id).map(c -> c == null || (c.isDeleted() && !includeDeleted)
                || (partnerId != null && !partnerId.equals(c.partnerId)) ? null : c);
    }

    /** One page of customers matching the criteria, fetched with one statement. */
    public Uni<List<Customer>> list(CustomerCriteria criteria, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select c.* from customer c where ");
        sql.append(criteria.includeDeleted() ? "true" : "c.deleted_at is null");
        if (criteria.partnerId() != null) {
            sql.append(" and c.partner_id = ").append(params.bind(criteria.partnerId()));
        }
        if (criteria.filter() != null && !criteria.filter().isBlank()) {
            sql.append(" and ").append(FILTER.compile(criteria.filter(), params));
        }
        if (criteria.query() != null && !criteria.query().isBlank()) {
            sql.append(" and c.search_text like ").append(params.bind(
                    "%" + CustomerNormalizer.likeEscape(CustomerNormalizer.searchable(criteria.query())) + "%"));
        }
        Sort sort = page.sort();
        String direction = sort.descending() ? "desc" : "asc";
        if (page.after() != null) {
            Object key = sort.field().kind() == Kind.TIMESTAMP
                    ? page.after().timeKey()
                    : page.after().key();
            sql.append(" and (").append(sort.field().sql()).append(", c.id) ")
                    .append(sort.descending() ? "<" : ">")
                    .append(" (").append(params.bind(key)).append(", ").append(params.bind(page.after().id()))
                    .append(")");
        }
        sql.append(" order by ").append(sort.field().sql()).append(' ').append(direction)
                .append(", c.id ").append(direction)
                .append(" limit ").append(page.fetchSize());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Customer.class);
            params.values().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * Records that these normalized addresses belong to the customer (after flushing it, so the row exists).
     *
     * @return the addresses that already belong to another live customer (none of those is claimed)
     */
    public Uni<List<String>> claimEmails(UUID customerId, String partnerId, Set<String> emails) {
        String scope = partnerId == null ? "" : partnerId;
        return Panache.getSession().chain(session -> session.flush()
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
                                .map(claimed -> emails.stream().filter(e -> !claimed.contains(e)).sorted().toList())));
    }

    /** Frees the addresses a customer no longer has, keeping {@code kept}. */
    public Uni<Integer> releaseEmailsExcept(UUID customerId, Set<String> kept) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from customer_email where customer_id = :id and email <> all(string_to_array(:emails, E'\\n'))")
                .setParameter("id", customerId)
                .setParameter("emails", String.join("\n", kept))
                .executeUpdate());
    }

    /** Frees the addresses of a deleted customer for reuse. */
    public Uni<Integer> releaseEmails(UUID customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from customer_email where customer_id = :id")
                .setParameter("id", customerId)
                .executeUpdate());
    }
}
