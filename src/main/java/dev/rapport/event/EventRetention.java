package dev.rapport.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Deletes events older than {@code rapport.events.retention} (30 days by default), in small batches. */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private final RapportConfig config;

    EventRetention(RapportConfig config) {
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                delete from event where seq in (
                    select seq from event where occurred_at < now() - cast(cast(:retention as text) as interval) limit 10000)
                """).setParameter("retention", config.events().retention().toSeconds() + " seconds").executeUpdate()))
                .invoke(count -> LOG.debugf("Deleted %d expired events", count))
                .replaceWithVoid();
    }
}
