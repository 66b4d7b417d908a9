package dev.rapport.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.PooledStatements;
import dev.rapport.privacy.api.LegalHoldView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Legal holds as callers read them. */
@ApplicationScoped
class LegalHoldQueries {

    private final PooledStatements statements;

    LegalHoldQueries(PooledStatements statements) {
        this.statements = statements;
    }

    /** The hold on a customer, or null. */
    Uni<LegalHoldView> find(UUID customerId) {
        return statements
                .list(
                        "select customer_id, reason, reference, placed_by, placed_at from legal_hold where customer_id = $1",
                        Tuple.of(customerId),
                        row -> new LegalHoldView(
                                row.getUUID(0),
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getOffsetDateTime(4)))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
