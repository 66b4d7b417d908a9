package dev.rapport.audit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.audit.api.AuditEntryView;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import io.smallrye.mutiny.Uni;

/** Reads the audit log. Entries are written by the event log, with every write. */
@ApplicationScoped
public class AuditService {

    private final AuditQueries entries;

    AuditService(AuditQueries entries) {
        this.entries = entries;
    }

    /** A page of the entries matching the RSQL {@code filter} (or all), newest first. */
    public Uni<Page<AuditEntryView>> list(String filter, PageParameters paging) {
        return entries.list(filter, paging.page(AuditQueries.NEWEST_FIRST));
    }
}
