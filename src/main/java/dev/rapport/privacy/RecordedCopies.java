package dev.rapport.privacy;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.rapport.privacy.api.ErasedRecords;
import io.smallrye.mutiny.Uni;

/**
 * The copies of a customer's personal data the platform keeps beside the domains' tables, redacted in an erasure's
 * transaction: the stored payloads of the events about the customer's records (with {@code privacy_redact}: ids,
 * times, kinds and numbers stay, every other string goes), the webhook deliveries made of them, and the stored
 * responses of idempotent requests that show one of those records (deleted: a repeated request runs afresh).
 * Deliveries are held off meanwhile, so that none is made from a payload read before it was redacted.
 */
@ApplicationScoped
class RecordedCopies {

    private static final String EVENTS = """
            with subjects as (
                select split_part(s, ':', 1) as type, cast(split_part(s, ':', 2) as uuid) as id
                from unnest(string_to_array(cast(:subjects as text), ',')) s),
            scrubbed as (
                update event e set payload = privacy_redact(e.payload)
                where (e.subject_type, e.subject_id) in (select type, id from subjects)
                   or (e.type = any(string_to_array(cast(:naming as text), ','))
                       and e.payload ->> 'customerId' = any(string_to_array(cast(:customers as text), ',')))
                returning e.id),
            deliveries as (
                update webhook_delivery d set payload = cast(privacy_redact(cast(d.payload as jsonb)) as text)
                from scrubbed where d.event_id = scrubbed.id
                returning d.id)
            select (select count(*) from scrubbed), (select count(*) from deliveries)
            """;
    /**
     * Taken before the events are redacted, until the erasure commits: a fan-out of events into deliveries that
     * began earlier has committed (its deliveries are redacted below), and one that begins later waits and then
     * reads the redacted payloads.
     */
    private static final String HOLD_DELIVERIES = "lock table webhook_delivery in share row exclusive mode";

    private static final String RESPONSES = """
            delete from idempotency_key where response_body ~ cast(:ids as text)
            """;

    /** Redacts the copies about these subjects ({@code type:id}) and customers; what it did, by table. */
    Uni<List<ErasedRecords>> redact(
            Mutiny.Session session, List<String> subjects, List<String> naming, List<UUID> customers) {
        String customerIds = customers.stream().map(UUID::toString).collect(Collectors.joining(","));
        String ids = subjects.stream()
                .map(subject -> subject.substring(subject.indexOf(':') + 1))
                .distinct()
                .collect(Collectors.joining("|"));
        return session.createNativeQuery(HOLD_DELIVERIES)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(EVENTS, Object[].class)
                        .setParameter("subjects", String.join(",", subjects))
                        .setParameter("naming", String.join(",", naming))
                        .setParameter("customers", customerIds)
                        .getSingleResult())
                .chain(counts -> session.createNativeQuery(RESPONSES)
                        .setParameter("ids", ids)
                        .executeUpdate()
                        .map(responses -> List.of(
                                new ErasedRecords("event", "anonymized", ((Number) counts[0]).longValue()),
                                new ErasedRecords("webhook_delivery", "anonymized", ((Number) counts[1]).longValue()),
                                new ErasedRecords("idempotency_key", "deleted", responses))));
    }
}
