package dev.rapport.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.webhook.api.WebhookDeliveryView;
import dev.rapport.webhook.api.WebhookEndpointView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** Webhook endpoints and the delivery log as callers read them: pooled statements returning views. */
@ApplicationScoped
class WebhookQueries {

    private static final String ENDPOINT_COLUMNS = """
            e.id, e.url, e.description, e.event_types, e.enabled, e.disabled_reason, cast(e.headers as text),
            e.created_at, e.updated_at, e.version""";

    private final PooledStatements statements;
    private final JsonColumns.Reader<LinkedHashMap<String, String>> headers;

    WebhookQueries(PooledStatements statements, JsonColumns json) {
        this.statements = statements;
        this.headers = json.reader(new TypeReference<LinkedHashMap<String, String>>() {});
    }

    /** An endpoint a caller of {@code scope} may manage, without its secret; null when there is none. */
    Uni<WebhookEndpointView> endpoint(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + ENDPOINT_COLUMNS + " from webhook_endpoint e where e.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "e.partner_id", params);
        return statements.list(sql, params.tuple(), this::toEndpoint).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** One page of the endpoints a caller of {@code scope} may manage, newest first. */
    Uni<Page<WebhookEndpointView>> endpoints(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + ENDPOINT_COLUMNS + " from webhook_endpoint e where "
                + Caller.scopeCondition(scope, "e.partner_id", params) + " and " + page.keyset("e.id", params)
                + page.orderAndLimit("e.id");
        return statements
                .list(sql, params.tuple(), this::toEndpoint)
                .map(rows -> page.page(rows, e -> e.createdAt().toString(), WebhookEndpointView::id));
    }

    /** One page of an endpoint's deliveries, newest first, each with its attempts; of one status, if given. */
    Uni<Page<WebhookDeliveryView>> deliveries(UUID endpointId, String status, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = """
                select d.id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempt_count, d.next_attempt_at,
                       d.delivered_at, a.attempted_at, a.status_code, a.latency_ms, a.error, d.created_at
                from (select * from webhook_delivery d where d.endpoint_id = %s and %s and %s%s) d
                left join webhook_attempt a on a.delivery_id = d.id
                order by d.created_at desc, d.id desc, a.attempted_at
                """.formatted(
                        params.bind(endpointId),
                        status == null ? "true" : "d.status = " + params.bind(status),
                        page.keyset("d.id", params),
                        page.orderAndLimit("d.id"));
        return statements.list(sql, params.tuple(), row -> row).map(rows -> toPage(rows, page));
    }

    /** Rows of deliveries joined with their attempts, one row per attempt (or one without), as one page. */
    private static Page<WebhookDeliveryView> toPage(List<Row> rows, PageRequest page) {
        Map<UUID, Row> deliveries = new LinkedHashMap<>();
        Map<UUID, List<WebhookDeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        for (Row row : rows) {
            UUID id = row.getUUID(0);
            deliveries.putIfAbsent(id, row);
            List<WebhookDeliveryView.Attempt> list = attempts.computeIfAbsent(id, k -> new ArrayList<>());
            if (row.getValue(8) != null) {
                list.add(new WebhookDeliveryView.Attempt(
                        row.getOffsetDateTime(8), row.getInteger(9), row.getInteger(10), row.getString(11)));
            }
        }
        List<Row> firsts = List.copyOf(deliveries.values());
        return page.page(firsts, row -> row.getOffsetDateTime(12).toString(), row -> row.getUUID(0))
                .map(row -> toDelivery(row, attempts.get(row.getUUID(0))));
    }

    private static WebhookDeliveryView toDelivery(Row row, List<WebhookDeliveryView.Attempt> attempts) {
        String status = row.getString(4);
        return new WebhookDeliveryView(
                row.getUUID(0),
                row.getUUID(1),
                row.getUUID(2),
                row.getString(3),
                status,
                row.getInteger(5),
                "pending".equals(status) ? row.getOffsetDateTime(6) : null,
                row.getOffsetDateTime(7),
                List.copyOf(attempts));
    }

    private WebhookEndpointView toEndpoint(Row row) {
        Map<String, String> stored = headers.read(row.getString(6));
        return new WebhookEndpointView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                List.of(row.getArrayOfStrings(3)),
                row.getBoolean(4),
                row.getString(5),
                stored == null ? Map.of() : stored,
                null,
                row.getOffsetDateTime(7),
                row.getOffsetDateTime(8),
                row.getLong(9));
    }
}
