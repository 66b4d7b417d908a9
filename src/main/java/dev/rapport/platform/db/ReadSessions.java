package dev.rapport.platform.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Read-only work in a stateless session of its own, on a pooled connection of its own: outside the caller's
 * transaction (the event-log readers need a snapshot of their own), and never shared by two operations at once.
 * Small batched reads on hot paths use {@link PooledStatements} instead.
 */
@ApplicationScoped
public class ReadSessions {

    private final Mutiny.SessionFactory sessions;

    ReadSessions(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public <T> Uni<T> read(Function<Mutiny.StatelessSession, Uni<T>> work) {
        return sessions.openStatelessSession()
                .chain(session -> work.apply(session).eventually(session::close));
    }
}
