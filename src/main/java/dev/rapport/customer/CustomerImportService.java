package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.ImportErrorPage;
import dev.rapport.customer.api.ImportErrorView;
import dev.rapport.customer.api.ImportPartView;
import dev.rapport.customer.api.ImportRequest;
import dev.rapport.customer.api.ImportView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bulk imports of customers as callers drive them: an import is created with its format, receives its file in
 * numbered parts (each one request, sent again safely: a part replaces what it held), and is started, after which
 * {@link CustomerImports} applies its rows in the background. Starting appends {@code customer_import.started} (and
 * so an audit entry). A partner's imports and their customers are its own.
 */
@ApplicationScoped
public class CustomerImportService {

    static final int MAX_PARTS = 100_000;
    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {};
    private static final String VIEW = """
            select id, status, format, match, cast(columns as text), rows_total, rows_read, created, updated, failed,
                requested_by, created_at, started_at, finished_at, error, partner_id
            from customer_import where id = $1
            """;

    /** An import and the partner it belongs to. */
    record Found(ImportView view, String partnerId) {}

    private final PooledStatements statements;
    private final EventLog events;
    private final MergePatches patches;
    private final ObjectMapper json;
    private final Caller caller;
    private final Clock clock;

    CustomerImportService(
            PooledStatements statements,
            EventLog events,
            MergePatches patches,
            ObjectMapper json,
            Caller caller,
            Clock clock) {
        this.statements = statements;
        this.events = events;
        this.patches = patches;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ImportView> create(ImportRequest request) {
        patches.validate(request);
        if ("ndjson".equals(request.format()) && request.columns() != null) {
            throw DomainException.invalid("columns", "is for CSV imports only");
        }
        if (request.columns() != null) {
            request.columns().forEach((column, field) -> {
                if (field != null && !field.isBlank() && !CustomerImportRows.isField(field)) {
                    throw DomainException.invalid("columns." + column, "is not a field a column may hold");
                }
            });
        }
        UUID id = Ids.newId();
        OffsetDateTime now = Clocks.now(clock);
        String match = request.match() == null ? "externalIdOrEmail" : request.match();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into customer_import (id, partner_id, status, format, columns, match, requested_by,
                                    created_at)
                                values (:id, :partner, 'receiving', :format, cast(cast(:columns as text) as jsonb), :match,
                                    :by, :at)
                                """)
                        .setParameter("id", id)
                        .setParameter("partner", caller.partnerScope())
                        .setParameter("format", request.format())
                        .setParameter("columns", request.columns() == null ? null : write(request.columns()))
                        .setParameter("match", match)
                        .setParameter("by", caller.name())
                        .setParameter("at", now)
                        .executeUpdate())
                .replaceWith(new ImportView(
                        id,
                        "receiving",
                        request.format(),
                        match,
                        request.columns(),
                        new ImportView.Progress(0, 0, 0, 0, 0),
                        caller.name(),
                        now,
                        null,
                        null,
                        null));
    }

    public Uni<ImportView> get(UUID id) {
        return find(id).map(Found::view);
    }

    /** Stores a part's rows, replacing what an earlier upload of the same part held. */
    @WithTransaction
    public Uni<ImportPartView> receive(UUID id, int part, String body) {
        if (part < 1 || part > MAX_PARTS) {
            throw DomainException.invalid("part", "must be from 1 to " + MAX_PARTS);
        }
        return locked(id).chain(found -> {
            if (!"receiving".equals(found.view().status())) {
                throw DomainException.conflict(
                        "Import " + id + " is " + found.view().status() + ": it takes no more parts");
            }
            List<String> rows =
                    new ArrayList<>(CustomerImportRows.split(found.view().format(), body, json));
            String header = null;
            if ("csv".equals(found.view().format()) && part == 1) {
                if (rows.isEmpty()) {
                    throw DomainException.invalid("body", "must start with the header line");
                }
                header = rows.remove(0);
            }
            int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            String stored = write(rows);
            String csvHeader = header;
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "delete from customer_import_row where import_id = :id and part = :part")
                            .setParameter("id", id)
                            .setParameter("part", part)
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery("""
                                            insert into customer_import_row (import_id, part, line, data)
                                            select :id, :part, cast(t.n as int), t.value
                                            from jsonb_array_elements_text(cast(cast(:rows as text) as jsonb))
                                                with ordinality as t (value, n)
                                            """)
                                    .setParameter("id", id)
                                    .setParameter("part", part)
                                    .setParameter("rows", stored)
                                    .executeUpdate())
                            .chain(() -> session.createNativeQuery("""
                                            insert into customer_import_part (import_id, part, rows, bytes)
                                            values (:id, :part, :rows, :bytes)
                                            on conflict (import_id, part) do update set rows = excluded.rows,
                                                bytes = excluded.bytes
                                            """)
                                    .setParameter("id", id)
                                    .setParameter("part", part)
                                    .setParameter("rows", rows.size())
                                    .setParameter("bytes", bytes)
                                    .executeUpdate())
                            .chain(() -> csvHeader == null
                                    ? Uni.createFrom().item(0)
                                    : session.createNativeQuery(
                                                    "update customer_import set header = cast(cast(:header as text) as jsonb)"
                                                            + " where id = :id")
                                            .setParameter("header", csvHeader)
                                            .setParameter("id", id)
                                            .executeUpdate()))
                    .replaceWith(new ImportPartView(part, rows.size(), bytes));
        });
    }

    /** Queues an import whose parts are all in (numbered 1 to n, none missing). */
    @WithTransaction
    public Uni<ImportView> start(UUID id) {
        return locked(id).chain(found -> {
            if (!"receiving".equals(found.view().status())) {
                throw DomainException.conflict(
                        "Import " + id + " is " + found.view().status() + " already");
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "select count(*), coalesce(max(part), 0), coalesce(sum(rows), 0) from customer_import_part"
                                            + " where import_id = :id",
                                    Object[].class)
                            .setParameter("id", id)
                            .getSingleResult()
                            .chain(parts -> {
                                long count = ((Number) parts[0]).longValue();
                                long last = ((Number) parts[1]).longValue();
                                if (count == 0) {
                                    throw DomainException.conflict("Import " + id + " has no parts: send part 1 first");
                                }
                                if (count != last) {
                                    throw DomainException.conflict("Import " + id + " has " + count + " parts but the"
                                            + " highest is part " + last + ": send the missing ones first");
                                }
                                long total = ((Number) parts[2]).longValue();
                                return session.createNativeQuery("""
                                                update customer_import set status = 'queued', rows_total = :total,
                                                    version = version + 1
                                                where id = :id
                                                """)
                                        .setParameter("total", total)
                                        .setParameter("id", id)
                                        .executeUpdate()
                                        .replaceWith(changed(found.view(), "queued", total, null));
                            }))
                    .call(view -> events.append(
                            CustomerImportEvent.STARTED, CustomerImportEvent.SUBJECT, id, found.partnerId(), view));
        });
    }

    /**
     * Cancels an import that has not ended: no further batch is applied (those applied stay: each row is whole),
     * and the rows not read are dropped.
     */
    @WithTransaction
    public Uni<ImportView> cancel(UUID id) {
        return locked(id).chain(found -> {
            String status = found.view().status();
            if (List.of("succeeded", "failed", "cancelled").contains(status)) {
                throw DomainException.conflict("Import " + id + " has " + status + " already");
            }
            OffsetDateTime now = Clocks.now(clock);
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery("""
                                    update customer_import set status = 'cancelled', finished_at = :now,
                                        version = version + 1
                                    where id = :id
                                    """)
                            .setParameter("now", now)
                            .setParameter("id", id)
                            .executeUpdate()
                            .chain(() -> session.createNativeQuery(
                                            "delete from customer_import_row where import_id = :id")
                                    .setParameter("id", id)
                                    .executeUpdate()))
                    .replaceWith(changed(
                            found.view(), "cancelled", found.view().progress().total(), now));
        });
    }

    /** A page of the import's row errors, in row order, after the cursor (a row number and an error id). */
    public Uni<ImportErrorPage> errors(UUID id, String cursor, int limit) {
        long[] after = afterCursor(cursor);
        return find(id).chain(found ->
                        statements.list("""
                        select row_number, field, message, id from customer_import_error
                        where import_id = $1 and (row_number, id) > ($2, $3)
                        order by row_number, id limit $4
                        """, Tuple.of(id, after[0], after[1], limit + 1), row -> new Object[] {
                            new ImportErrorView(row.getLong(0), row.getString(1), row.getString(2)), row.getLong(3)
                        }))
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<Object[]> page = more ? rows.subList(0, limit) : rows;
                    String next = null;
                    if (more) {
                        Object[] last = page.get(page.size() - 1);
                        next = ((ImportErrorView) last[0]).row() + "." + last[1];
                    }
                    return new ImportErrorPage(
                            page.stream().map(r -> (ImportErrorView) r[0]).toList(), next, more);
                });
    }

    private static long[] afterCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new long[] {0, 0};
        }
        String[] parts = cursor.split("\\.");
        try {
            if (parts.length == 2) {
                return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.invalid("cursor", "is not a cursor this list gave");
    }

    /** The import, if the caller may see it; not found otherwise. */
    Uni<Found> find(UUID id) {
        return statements.list(VIEW, Tuple.of(id), this::found).map(rows -> visible(id, rows));
    }

    private Uni<Found> locked(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text) from customer_import where id = :id for update", String.class)
                        .setParameter("id", id)
                        .getResultList())
                .chain(() -> find(id));
    }

    /** The import as it is after a change of this transaction. */
    private static ImportView changed(ImportView view, String status, long total, OffsetDateTime finishedAt) {
        return new ImportView(
                view.id(),
                status,
                view.format(),
                view.match(),
                view.columns(),
                new ImportView.Progress(
                        total,
                        view.progress().read(),
                        view.progress().created(),
                        view.progress().updated(),
                        view.progress().failed()),
                view.requestedBy(),
                view.createdAt(),
                view.startedAt(),
                finishedAt,
                view.error());
    }

    private Found visible(UUID id, List<Found> rows) {
        if (rows.isEmpty()
                || !Caller.mayAccess(caller.partnerScope(), rows.get(0).partnerId())) {
            throw DomainException.notFound("import", id);
        }
        return rows.get(0);
    }

    private Found found(Row row) {
        Map<String, String> columns = null;
        if (row.getString(4) != null) {
            try {
                columns = json.readValue(row.getString(4), COLUMNS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable columns of import " + row.getUUID(0), e);
            }
        }
        return new Found(
                new ImportView(
                        row.getUUID(0),
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        columns,
                        new ImportView.Progress(
                                row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)),
                        row.getString(10),
                        row.getOffsetDateTime(11),
                        row.getOffsetDateTime(12),
                        row.getOffsetDateTime(13),
                        row.getString(14)),
                row.getString(15));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
