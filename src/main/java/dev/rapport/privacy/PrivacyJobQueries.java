package dev.rapport.privacy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.PooledStatements;
import dev.rapport.privacy.api.ErasedRecords;
import dev.rapport.privacy.api.PrivacyJobView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Privacy jobs as callers read them. */
@ApplicationScoped
class PrivacyJobQueries {

    private static final TypeReference<List<ErasedRecords>> REPORT = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, kind, customer_id, status, steps_done, steps_total, reason, reference, requested_by, requested_at,
            started_at, finished_at, expires_at, error, cast(result as text), partner_id
            """;

    /** A job and the partner owning its customer. */
    record Found(PrivacyJobView job, String partnerId) {}

    private final PooledStatements statements;
    private final ObjectMapper json;

    PrivacyJobQueries(PooledStatements statements, ObjectMapper json) {
        this.statements = statements;
        this.json = json;
    }

    /** The job, or null. */
    Uni<Found> find(UUID id) {
        return statements
                .list("select " + COLUMNS + " from privacy_job where id = $1", Tuple.of(id), this::found)
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private Found found(Row row) {
        String kind = row.getString(1);
        String result = row.getString(14);
        JsonNode document = null;
        List<ErasedRecords> report = null;
        if (result != null) {
            try {
                if (PrivacyJobs.EXPORT.equals(kind)) {
                    document = json.readTree(result);
                } else {
                    report = json.readValue(result, REPORT);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable result of privacy job " + row.getUUID(0), e);
            }
        }
        PrivacyJobView job = new PrivacyJobView(
                row.getUUID(0),
                kind,
                row.getUUID(2),
                row.getString(3),
                new PrivacyJobView.Progress(row.getInteger(4), row.getInteger(5)),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getOffsetDateTime(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                row.getOffsetDateTime(12),
                row.getString(13),
                document,
                report);
        return new Found(job, row.getString(15));
    }
}
