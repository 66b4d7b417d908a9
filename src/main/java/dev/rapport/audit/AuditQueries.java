package dev.rapport.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.audit.api.AuditEntryView;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.SqlFilterCompiler;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** The audit log as admins read it, with pooled statements. Entries are written by the event log. */
@ApplicationScoped
class AuditQueries {

    static final SqlFilterCompiler FILTER = new SqlFilterCompiler(List.of(
            FilterField.of("actor", "a.actor", FieldType.TEXT),
            FilterField.of("clientId", "a.client_id", FieldType.TEXT),
            FilterField.of("partnerId", "a.partner_id", FieldType.TEXT),
            FilterField.of("requestId", "a.request_id", FieldType.TEXT),
            FilterField.of("action", "a.action", FieldType.TEXT),
            FilterField.of("resourceType", "a.resource_type", FieldType.TEXT),
            FilterField.of("resourceId", "cast(a.resource_id as text)", FieldType.TEXT),
            FilterField.of("occurredAt", "a.occurred_at", FieldType.TIMESTAMP)));

    /** Audit entries are listed newest first. */
    static final Sort NEWEST_FIRST =
            new Sort(new Sort.SortField("occurredAt", "a.occurred_at", Sort.Kind.TIMESTAMP), true);

    private final PooledStatements statements;
    private final Clock clock;

    AuditQueries(PooledStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    Uni<Page<AuditEntryView>> list(String filter, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("""
                select a.id, a.occurred_at, a.actor, a.client_id, a.partner_id, a.request_id, a.action,
                       a.resource_type, a.resource_id, a.changed_fields
                from audit_entry a where """).append(' ').append(page.keyset("a.id", params));
        if (filter != null && !filter.isBlank()) {
            sql.append(" and ").append(FILTER.compile(filter, params, clock.instant()));
        }
        sql.append(page.orderAndLimit("a.id"));
        return statements
                .list(sql.toString(), params.tuple(), AuditQueries::toView)
                .map(rows -> page.page(rows, e -> e.occurredAt().toString(), AuditEntryView::id));
    }

    private static AuditEntryView toView(Row row) {
        String[] changed = row.getArrayOfStrings(9);
        return new AuditEntryView(
                row.getUUID(0),
                row.getOffsetDateTime(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getUUID(8),
                changed == null ? List.of() : List.of(changed));
    }
}
