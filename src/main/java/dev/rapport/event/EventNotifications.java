package dev.rapport.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Listens on PostgreSQL's {@code rapport_events} channel (a trigger notifies it when an event commits) and wakes
 * the consumers of the event log. Consumers also poll, so a lost connection only delays them.
 */
@ApplicationScoped
public class EventNotifications {

    private static final Logger LOG = Logger.getLogger(EventNotifications.class);
    private static final String CHANNEL = "rapport_events";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    EventNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    /** Runs {@code listener} (quickly, without blocking) whenever an event commits. */
    public void onEvent(Runnable listener) {
        listeners.add(listener);
    }

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
        subscriber.channel(CHANNEL).handler(payload -> listeners.forEach(Runnable::run));
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN %s failed (%s); consumers fall back to polling",
                CHANNEL, e.getMessage()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
