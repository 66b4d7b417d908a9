package dev.rapport.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Gives phone numbers stored before they were read with libphonenumber their type and validity, once, in the
 * background after start-up: batches in id order, each customer written with one statement that changes it only
 * if its contacts are still those read (a profile written meanwhile has them already), with a new version so that
 * ETags change.
 */
@ApplicationScoped
class ContactBackfill {

    private static final int BATCH = 200;

    private final PooledStatements statements;
    private final ContactStandards standards;
    private final JsonColumns.Reader<CustomerRecords.Contacts> contacts;
    private final ObjectMapper json;
    private final Vertx vertx;
    private volatile UUID after = new UUID(0, 0);
    private Background background;

    ContactBackfill(
            PooledStatements statements,
            ContactStandards standards,
            JsonColumns columns,
            ObjectMapper json,
            Vertx vertx) {
        this.statements = statements;
        this.standards = standards;
        this.contacts = columns.reader(CustomerRecords.Contacts.class);
        this.json = json;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        background = new Background("contact-backfill", vertx, this::batch);
        background.wake();
    }

    /** Looks at every customer again (for a test that stores a number the old way). */
    void rerun() {
        after = new UUID(0, 0);
        background.wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (background != null) {
            background.stop();
        }
    }

    private record Row(UUID id, String partnerId, String contacts) {}

    private Uni<Boolean> batch() {
        return statements
                .list("""
                        select id, partner_id, cast(contacts as text) from customer
                        where id > $1 and exists (
                            select 1 from jsonb_array_elements(coalesce(contacts -> 'phones', '[]')) p
                            where not (p ? 'valid'))
                        order by id limit $2
                        """, Tuple.of(after, BATCH), row -> new Row(row.getUUID(0), row.getString(1), row.getString(2)))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    after = rows.get(rows.size() - 1).id();
                    List<String> filled = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        filled.add(filled(row));
                    }
                    // one statement for the batch; a customer written meanwhile (contacts changed) is left as it is
                    return statements
                            .execute(
                                    """
                                    update customer c set contacts = cast(v.filled as jsonb), version = c.version + 1
                                    from unnest($1::uuid[], $2::text[], $3::text[]) as v (id, filled, stored)
                                    where c.id = v.id and c.contacts = cast(v.stored as jsonb)
                                    """,
                                    Tuple.of(
                                            rows.stream().map(Row::id).toArray(UUID[]::new),
                                            filled.toArray(String[]::new),
                                            rows.stream().map(Row::contacts).toArray(String[]::new)))
                            .replaceWith(rows.size() == BATCH);
                });
    }

    /** The stored contacts with every phone's type and validity, as JSON. */
    private String filled(Row row) {
        CustomerRecords.Contacts stored = contacts.read(row.contacts());
        List<CustomerRecords.Phone> phones = new ArrayList<>();
        for (CustomerRecords.Phone phone : stored.phones()) {
            ContactStandards.StandardPhone standard = standards.phone(phone.number(), row.partnerId());
            phones.add(
                    standard == null
                            ? new CustomerRecords.Phone(
                                    phone.number(), phone.primary(), phone.label(), null, false, phone.original())
                            : new CustomerRecords.Phone(
                                    phone.number(),
                                    phone.primary(),
                                    phone.label(),
                                    standard.type(),
                                    standard.valid(),
                                    phone.original()));
        }
        try {
            return json.writeValueAsString(new CustomerRecords.Contacts(stored.emails(), phones, stored.addresses()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Contacts of customer " + row.id() + " cannot be written", e);
        }
    }
}
