package dev.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.rapport.customer.api.Consents;
import dev.rapport.platform.db.PooledStatements;
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
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** The columns {@link #toCustomer} reads, in its order. */
    private static final String COLUMNS = """
            id, given_name, family_name, cast(contacts as text), primary_email, primary_phone, birthday, locale,
            time_zone, tags, owner_id, partner_id, cast(consents as text), cast(attributes as text), created_at,
            updated_at, deleted_at, version""";

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

    private final PooledStatements reads;
    private final ObjectReader contacts;
    private final ObjectReader consents;
    private final ObjectReader attributes;

    CustomerRepository(PooledStatements reads, ObjectMapper json) {
        this.reads = reads;
        // Like Hibernate's reading of these columns: a property the record no longer has is skipped, not an error.
        ObjectReader stored = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.contacts = stored.forType(Customer.Contacts.class);
        this.consents = stored.forType(Consents.class);
        this.attributes = stored.forType(new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /**
     * A customer the caller may see, or null: live unless {@code includeDeleted}, and of {@code partnerId} when the
     * caller is a partner (another partner's customer is as absent as a missing one).
     */
    public Uni<Customer> findVisible(UUID id, String partnerId, boolean includeDeleted) {
        return findById(id).map(customer -> visible(customer, partnerId, includeDeleted));
    }

    /**
     * {@link #findVisible} for reading only: one statement on the pool, without a Hibernate session (GET's hot
     * path). The customer returned is not managed: changes to it are not saved.
     */
    public Uni<Customer> readVisible(UUID id, String partnerId, boolean includeDeleted) {
        return reads.list("select " + COLUMNS + " from customer where id = $1", Tuple.of(id), this::toCustomer)
                .map(rows -> rows.isEmpty() ? null : visible(rows.get(0), partnerId, includeDeleted));
    }

    private static Customer visible(Customer customer, String partnerId, boolean includeDeleted) {
        return customer == null || (customer.isDeleted() && !includeDeleted)
                || (partnerId != null && !partnerId.equals(customer.partnerId)) ? null : customer;
    }

    private Customer toCustomer(Row row) {
        Customer customer = new Customer();
        customer.id = row.getUUID(0);
        customer.givenName = row.getString(1);
        customer.familyName = row.getString(2);
        customer.primaryEmail = row.getString(4);
        customer.primaryPhone = row.getString(5);
        customer.birthday = row.getLocalDate(6);
        customer.locale = row.getString(7);
        customer.timeZone = row.getString(8);
        customer.tags = row.getArrayOfStrings(9);
        customer.ownerId = row.getString(10);
        customer.partnerId = row.getString(11);
        customer.createdAt = row.getOffsetDateTime(14);
        customer.updatedAt = row.getOffsetDateTime(15);
        customer.deletedAt = row.getOffsetDateTime(16);
        customer.version = row.getLong(17);
        try {
            customer.contacts = contacts.readValue(row.getString(3));
            customer.consents = consents.readValue(row.getString(12));
            customer.attributes = attributes.readValue(row.getString(13));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column of customer " + customer.id, e);
        }
        return customer;
    }

    /**
     * One page of customers matching the criteria, fetched with one statement on the pool (like {@link #readVisible},
     * without a Hibernate session: the customers returned are not managed).
     */
    public Uni<List<Customer>> list(CustomerCriteria criteria, PageRequest page) {
        SqlParams params = SqlParams.positional();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from customer c where ");
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
        return reads.list(sql.toString(), params.tuple(), this::toCustomer);
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
