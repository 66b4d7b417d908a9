package dev.rapport.automation;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.Problem.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * The webhook action: the firing is delivered as {@code trigger.fired} to the webhook endpoints subscribed to it,
 * carrying the action's static payload. The event is appended with the firing itself (every firing appends it), so
 * the action is recorded as done with the firing ({@link AutomationFirings}); it is listed among the run's actions
 * to show that.
 */
@ApplicationScoped
class AutomationWebhookAction implements ActionSource, ActionType {

    static final String NAME = "webhook";
    static final String DELIVERED = "delivered as trigger.fired to the webhook endpoints subscribed to it";
    private static final int MAX_PAYLOAD = 8192;

    @Override
    public List<ActionType> actions() {
        return List.of(this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Delivers the firing as trigger.fired to the webhook endpoints subscribed to it. Settings: payload, "
                + "an optional JSON object of at most 8 KiB carried in the event's data.";
    }

    /** The payload of a trigger's webhook action, or null. */
    static JsonNode payloadOf(TriggerRecords.Actions actions) {
        return actions.items().stream()
                .filter(action -> NAME.equals(action.type()) && action.settings() != null)
                .map(action -> action.settings().get("payload"))
                .filter(payload -> payload != null && !payload.isNull())
                .findFirst()
                .orElse(null);
    }

    @Override
    public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
        ActionSettings read = ActionSettings.of(settings);
        JsonNode payload = read.get("payload");
        if (payload != null && !payload.isNull()) {
            if (!payload.isObject()) {
                read.error("payload", "must be a JSON object");
            } else if (payload.toString().length() > MAX_PAYLOAD) {
                read.error("payload", "must be at most " + MAX_PAYLOAD + " characters as JSON");
            }
        }
        return Uni.createFrom().item(read.errors(Set.of("payload")));
    }

    @Override
    public Uni<String> preview(ActionCall call) {
        return Uni.createFrom().item("would deliver trigger.fired to the webhook endpoints subscribed to it");
    }

    @Override
    public Uni<String> run(ActionCall call) {
        return Uni.createFrom().item(DELIVERED);
    }
}
