package dev.rapport.platform.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Read-only work in a stateless session of its own. GraphQL resolves sibling batched fields concurrently on one
 * request context, and a Hibernate session must never be used by two operations at once; each batch load takes
 * its own session (and pooled connection) and closes it when done.
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
