package dev.rapport.lead;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** Pipelines as callers read them, with pooled statements: a partner sees its own and the in-house ones. */
@ApplicationScoped
class PipelineQueries {

    static final Sort ORDER = new Sort(new Sort.SortField("createdAt", "p.created_at", Sort.Kind.TIMESTAMP), false);

    private static final String COLUMNS =
            "p.id, p.name, cast(p.stages as text), p.is_default, p.partner_id, p.created_at, p.updated_at, p.version";

    private final PooledStatements statements;
    private final LeadMapper mapper;
    private final JsonColumns.Reader<LeadRecords.Stages> stages;

    PipelineQueries(PooledStatements statements, LeadMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.mapper = mapper;
        this.stages = json.reader(LeadRecords.Stages.class);
    }

    /** A pipeline a caller of {@code scope} may use, or null; the default one when {@code id} is null. */
    Uni<PipelineView> pipeline(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from pipeline p where "
                + (id == null ? "p.is_default" : "p.id = " + params.bind(id)) + " and " + usable(scope, params);
        return statements.list(sql, params.tuple(), this::toView).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<Page<PipelineView>> pipelines(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + COLUMNS + " from pipeline p where " + usable(scope, params) + " and "
                + page.keyset("p.id", params) + page.orderAndLimit("p.id");
        return statements
                .list(sql, params.tuple(), this::toView)
                .map(rows -> page.page(rows, p -> p.createdAt().toString(), PipelineView::id));
    }

    private static String usable(String scope, SqlParams params) {
        return "p.deleted_at is null and "
                + (scope == null ? "true" : "(p.partner_id is null or p.partner_id = " + params.bind(scope) + ")");
    }

    private PipelineView toView(Row row) {
        return new PipelineView(
                row.getUUID(0),
                row.getString(1),
                mapper.stages(stages.read(row.getString(2))),
                row.getBoolean(3),
                row.getString(4),
                row.getOffsetDateTime(5),
                row.getOffsetDateTime(6),
                row.getLong(7));
    }
}
