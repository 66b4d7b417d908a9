package dev.rapport.audit;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.audit.api.AuditEntryView;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads the audit log. Entries are written by the event log, with every write. */
@ApplicationScoped
public class AuditService {

    private final AuditRepository entries;

    AuditService(AuditRepository entries) {
        this.entries = entries;
    }

    @WithSession
    public Uni<Page<AuditEntryView>> list(String filter, PageRequest page) {
        return entries.list(filter, page)
                .map(rows -> Page.of(rows, page.limit(),
                        e -> new Cursor(page.sort().toString(), e.occurredAt.toString(), e.id).encode())
                        .map(AuditService::toView));
    }

    private static AuditEntryView toView(AuditEntry e) {
        List<String> changed = e.changedFields == null ? List.of() : Arrays.asList(e.changedFields);
        return new AuditEntryView(e.id, e.occurredAt, e.actor, e.clientId, e.partnerId, e.requestId, e.action,
                e.resourceType, e.resourceId, changed);
    }
}
