package dev.rapport.customer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.ConsentChangeView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The history of customers' channel consents: each change a write makes is kept ({@code consent_change}) and
 * announced ({@code consent.changed}) in the write's transaction, and read newest first.
 */
@ApplicationScoped
class ConsentHistory {

    static final Sort NEWEST_FIRST = new Sort(new SortField("recordedAt", "h.recorded_at", Kind.TIMESTAMP), true);

    /** One channel's consent as a write changed it. */
    record Change(String channel, CustomerRecords.Consent consent) {}

    private final PooledStatements statements;
    private final EventLog events;
    private final Caller caller;

    ConsentHistory(PooledStatements statements, EventLog events, Caller caller) {
        this.statements = statements;
        this.events = events;
        this.caller = caller;
    }

    /** The channels whose consent differs between {@code before} and {@code after} (a consent removed is none). */
    static List<Change> changes(CustomerRecords.Consents before, CustomerRecords.Consents after) {
        CustomerRecords.Consents old = before == null ? CustomerRecords.Consents.NONE : before;
        CustomerRecords.Consents now = after == null ? CustomerRecords.Consents.NONE : after;
        List<Change> changes = new ArrayList<>();
        add(changes, "email", old.email(), now.email());
        add(changes, "sms", old.sms(), now.sms());
        add(changes, "push", old.push(), now.push());
        return changes;
    }

    private static void add(
            List<Change> changes, String channel, CustomerRecords.Consent before, CustomerRecords.Consent after) {
        if (after != null && after.granted() != null && !Objects.equals(before, after)) {
            changes.add(new Change(channel, after));
        }
    }

    /** Keeps and announces the changes of a customer's consents, in the current transaction. */
    Uni<Void> record(Customer customer, List<Change> changes, OffsetDateTime now) {
        Uni<Void> all = Uni.createFrom().voidItem();
        String actor = caller.name();
        for (Change change : changes) {
            UUID id = Ids.newId();
            CustomerRecords.Consent consent = change.consent();
            OffsetDateTime recordedAt = consent.recordedAt() == null ? now : consent.recordedAt();
            all = all.chain(() -> Panache.getSession()
                            .chain(session -> session.createNativeQuery("""
                                            insert into consent_change (id, customer_id, channel, granted, source, version,
                                                actor, recorded_at, created_at)
                                            values (:id, :customer, :channel, :granted, :source, :version, :actor, :at, :now)
                                            """)
                                    .setParameter("id", id)
                                    .setParameter("customer", customer.id)
                                    .setParameter("channel", change.channel())
                                    .setParameter("granted", consent.granted())
                                    .setParameter("source", consent.source())
                                    .setParameter("version", consent.version())
                                    .setParameter("actor", actor)
                                    .setParameter("at", recordedAt)
                                    .setParameter("now", now)
                                    .executeUpdate()))
                    .chain(() -> events.append(
                            CustomerEvent.CONSENT_CHANGED,
                            CustomerEvent.SUBJECT,
                            customer.id,
                            customer.partnerId,
                            new ConsentChangeView(
                                    id,
                                    customer.id,
                                    change.channel(),
                                    consent.granted(),
                                    consent.source(),
                                    consent.version(),
                                    actor,
                                    recordedAt)))
                    .replaceWithVoid();
        }
        return all;
    }

    /** The latest consent changes of each of the customers (a GraphQL batch), newest first. */
    Uni<Map<UUID, List<ConsentChangeView>>> latest(List<UUID> customerIds, int perCustomer) {
        return statements
                .list("""
                        select id, customer_id, channel, granted, source, version, actor, recorded_at from (
                            select h.*, row_number() over (
                                partition by h.customer_id order by h.recorded_at desc, h.id desc) as n
                            from consent_change h where h.customer_id = any($1)) x
                        where n <= $2
                        order by customer_id, recorded_at desc, id desc
                        """, Tuple.of(customerIds.toArray(UUID[]::new), perCustomer), ConsentHistory::view)
                .map(rows -> rows.stream()
                        .collect(Collectors.groupingBy(
                                ConsentChangeView::customerId, LinkedHashMap::new, Collectors.toList())));
    }

    private static ConsentChangeView view(Row row) {
        return new ConsentChangeView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getBoolean(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getOffsetDateTime(7));
    }

    /** A page of a customer's consent changes, newest first; {@code channel} null for every channel. */
    Uni<Page<ConsentChangeView>> history(UUID customerId, String channel, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("""
                select h.id, h.customer_id, h.channel, h.granted, h.source, h.version, h.actor, h.recorded_at
                from consent_change h where h.customer_id = """).append(params.bind(customerId));
        if (channel != null) {
            sql.append(" and h.channel = ").append(params.bind(channel));
        }
        sql.append(" and ").append(page.keyset("h.id", params)).append(page.orderAndLimit("h.id"));
        return statements
                .list(sql.toString(), params.tuple(), ConsentHistory::view)
                .map(rows -> page.page(rows, view -> view.recordedAt().toString(), ConsentChangeView::id));
    }
}
