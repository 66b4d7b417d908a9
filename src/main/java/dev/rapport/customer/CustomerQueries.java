package dev.rapport.customer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** Customer profiles as callers read them: pooled statements returning views. */
@ApplicationScoped
class CustomerQueries {

    /** The columns {@link #toView} reads, in its order. */
    private static final String COLUMNS = """
            c.id, c.given_name, c.family_name, cast(c.contacts as text), c.birthday, c.locale, c.time_zone, c.tags,
            c.owner_id, c.partner_id, cast(c.consents as text), cast(c.attributes as text), c.created_at,
            c.updated_at, c.deleted_at, c.version, c.external_id""";

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("createdAt", "c.created_at", Kind.TIMESTAMP),
            "updatedAt", new SortField("updatedAt", "c.updated_at", Kind.TIMESTAMP),
            "familyName", new SortField("familyName", "coalesce(lower(c.family_name), '')", Kind.TEXT),
            "givenName", new SortField("givenName", "coalesce(lower(c.given_name), '')", Kind.TEXT));

    static final Sort DEFAULT_SORT = new Sort(SORTS.get("createdAt"), true);

    private final PooledStatements statements;
    private final FactCatalog facts;
    private final Clock clock;
    private final CustomerMapper mapper;
    private final JsonColumns.Reader<CustomerRecords.Contacts> contacts;
    private final JsonColumns.Reader<CustomerRecords.Consents> consents;
    private final JsonColumns.Reader<LinkedHashMap<String, Object>> attributes;

    CustomerQueries(
            PooledStatements statements, FactCatalog facts, Clock clock, CustomerMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.facts = facts;
        this.clock = clock;
        this.mapper = mapper;
        this.contacts = json.reader(CustomerRecords.Contacts.class);
        this.consents = json.reader(CustomerRecords.Consents.class);
        this.attributes = json.reader(new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** A customer the caller may see (see {@link CustomerCriteria}), or null. */
    Uni<CustomerView> find(UUID id, CustomerCriteria scope) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from customer c where c.id = $1");
        SqlParams params = new SqlParams();
        params.bind(id);
        restrict(sql, scope, params);
        return statements
                .list(sql.toString(), params.tuple(), this::toView)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The customer {@code id} was merged into, when a caller of {@code scope} may see it, or null. */
    Uni<UUID> survivorOf(UUID id, String scope) {
        SqlParams params = new SqlParams();
        params.bind(id);
        StringBuilder sql =
                new StringBuilder("select c.merged_into from customer c where c.id = $1 and c.merged_into is not null");
        sql.append(" and ").append(Caller.scopeCondition(scope, "c.partner_id", params));
        return statements
                .list(sql.toString(), params.tuple(), row -> row.getUUID(0))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The live customers among {@code ids} that a caller of {@code scope} may see, in no particular order. */
    Uni<List<CustomerView>> findAll(List<UUID> ids, String scope) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from customer c where c.id = any(")
                .append(params.bind(ids.toArray(UUID[]::new)))
                .append(")");
        restrict(sql, new CustomerCriteria(null, null, false, scope), params);
        return statements.list(sql.toString(), params.tuple(), this::toView);
    }

    /**
     * One page of the customers matching the criteria, with one statement. The filter tests any fact of the
     * {@link FactCatalog}; the tables of the facts it reads are joined.
     */
    Uni<Page<CustomerView>> list(CustomerCriteria criteria, PageRequest page) {
        SqlParams params = new SqlParams();
        FactCatalog.SqlFilter filter =
                criteria.filter() == null || criteria.filter().isBlank()
                        ? new FactCatalog.SqlFilter("true", "")
                        : facts.sql(FilterParser.parse(criteria.filter()), params, clock.instant());
        StringBuilder sql = new StringBuilder("select ")
                .append(COLUMNS)
                .append(" from customer c ")
                .append(filter.joins())
                .append(" where ")
                .append(page.keyset("c.id", params));
        restrict(sql, criteria, params);
        sql.append(" and ").append(filter.condition());
        if (criteria.query() != null && !criteria.query().isBlank()) {
            sql.append(" and c.search_text like ").append(params.bind(SearchText.containing(criteria.query())));
        }
        sql.append(page.orderAndLimit("c.id"));
        return statements
                .list(sql.toString(), params.tuple(), this::toView)
                .map(rows -> page.page(rows, sortKey(page.sort()), CustomerView::id));
    }

    /** Live customers only unless deleted ones are included, and only the partner's own for a partner. */
    private static void restrict(StringBuilder sql, CustomerCriteria scope, SqlParams params) {
        if (!scope.includeDeleted()) {
            sql.append(" and c.deleted_at is null");
        }
        sql.append(" and ").append(Caller.scopeCondition(scope.partnerId(), "c.partner_id", params));
    }

    /** A customer's value of the SQL sort expression, as the cursor carries it. */
    private static Function<CustomerView, String> sortKey(Sort sort) {
        return switch (sort.field().name()) {
            case "createdAt" -> c -> c.createdAt().toString();
            case "updatedAt" -> c -> c.updatedAt().toString();
            case "familyName" -> c -> lower(c.familyName());
            default -> c -> lower(c.givenName());
        };
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private CustomerView toView(Row row) {
        CustomerRecords.Contacts contact = contacts.read(row.getString(3));
        return new CustomerView(
                row.getUUID(0),
                row.getString(16),
                row.getString(1),
                row.getString(2),
                mapper.emails(contact.emails()),
                mapper.phoneViews(contact.phones()),
                mapper.addresses(contact.addresses()),
                row.getLocalDate(4),
                row.getString(5),
                row.getString(6),
                List.of(row.getArrayOfStrings(7)),
                row.getString(8),
                mapper.consents(consents.read(row.getString(10))),
                row.getString(9),
                attributes.read(row.getString(11)),
                row.getOffsetDateTime(12),
                row.getOffsetDateTime(13),
                row.getOffsetDateTime(14),
                row.getLong(15),
                null,
                null,
                null,
                null);
    }
}
