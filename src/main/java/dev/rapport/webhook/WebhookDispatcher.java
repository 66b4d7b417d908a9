package dev.rapport.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventConsumer;
import dev.rapport.event.StoredEvent;
import dev.rapport.platform.config.RapportConfig;
import io.smallrye.mutiny.Uni;

/**
 * Fans committed events out into webhook deliveries: a consumer of the event log that queues, in its batch's
 * transaction, a delivery per matching endpoint. A batch handled again after a crash queues nothing twice (the
 * unique endpoint and event key). The sender is woken once the deliveries have committed.
 */
@ApplicationScoped
public class WebhookDispatcher implements EventConsumer {

    static final String CONSUMER = "webhook-dispatcher";

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RapportConfig.Webhooks config;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, RapportConfig config) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config.webhooks();
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Uni<Void> handle(List<StoredEvent> batch) {
        return deliveries
                .enqueue(batch.stream()
                        .map(event -> new WebhookDeliveries.Outgoing(
                                event.id(),
                                event.type(),
                                event.occurredAt(),
                                event.partnerId(),
                                deliveries.envelope(event.id(), event.type(), event.occurredAt(), event.payload())))
                        .toList())
                .replaceWithVoid();
    }

    @Override
    public void committed(int count) {
        sender.wake();
    }
}
