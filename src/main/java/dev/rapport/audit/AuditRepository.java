package dev.rapport.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.SqlFilterCompiler;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

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
    static final Sort NEWEST_FIRST = new Sort(new Sort.SortField("occurredAt", "a.occurred_at", Sort.Kind.TIMESTAMP),
            true);

    public Uni<List<AuditEntry>> list(String filter, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select a.* from audit_entry a where true");
        if (filter != null && !filter.isBlank()) {
            sql.append(" and ").append(FILTER.compile(filter, params));
        }
        if (page.after() != null) {
            sql.append(" and (a.occurred_at, a.id) < (").append(params.bind(page.after().timeKey())).append(", ")
                    .append(params.bind(page.after().id())).append(")");
        }
        sql.append(" order by a.occurred_at desc, a.id desc limit ").append(page.fetchSize());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), AuditEntry.class);
            params.values().forEach(query::setParameter);
            return query.getResultList();
        });
    }
}
