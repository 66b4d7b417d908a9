package dev.rapport.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.automation.api.CreateTriggerRequest;
import dev.rapport.automation.api.FrequencyCap;
import dev.rapport.automation.api.TriggerAction;
import dev.rapport.automation.api.TriggerDate;
import dev.rapport.platform.action.ActionCatalog;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * A trigger definition checked and written onto the stored trigger: what fires it for its kind, its condition
 * (which part of the RSQL is wrong), its frequency cap and each action's type and settings (which setting of which
 * action is misconfigured). Field errors name the request's fields: {@code actions[1].settings.tags}.
 */
@ApplicationScoped
class TriggerRules {

    static final String BIRTHDAY = "birthday";
    static final String CREATED_AT = "createdAt";
    static final String ATTRIBUTES = "attributes.";
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private final TriggerConditions conditions;
    private final ActionCatalog actions;
    private final ObjectMapper json;

    TriggerRules(TriggerConditions conditions, ActionCatalog actions, ObjectMapper json) {
        this.conditions = conditions;
        this.actions = actions;
        this.json = json;
    }

    /** Checks {@code request} and writes it onto {@code trigger} (its kind set already), or fails with what is wrong. */
    Uni<Void> apply(Trigger trigger, CreateTriggerRequest request, Instant now) {
        trigger.name = request.name().strip();
        trigger.description = request.description();
        trigger.enabled = !Boolean.FALSE.equals(request.enabled());
        boolean event = Trigger.EVENT.equals(trigger.kind);
        if (event) {
            if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
                throw DomainException.invalid("eventTypes", "an event trigger needs 1 to 20 event types or patterns");
            }
            if (request.date() != null) {
                throw DomainException.invalid("date", "an event trigger has no date; its events fire it");
            }
            trigger.eventTypes = request.eventTypes().stream().distinct().toArray(String[]::new);
            trigger.dateField = null;
            trigger.offsetDays = null;
            trigger.localTime = null;
        } else {
            if (request.eventTypes() != null && !request.eventTypes().isEmpty()) {
                throw DomainException.invalid("eventTypes", "a date trigger has no event types; its date fires it");
            }
            applyDate(trigger, request.date());
            trigger.eventTypes = null;
        }
        trigger.condition = request.condition() == null || request.condition().isBlank()
                ? null
                : request.condition().strip();
        if (trigger.condition != null) {
            conditions.check(trigger.condition, now);
        }
        applyCap(trigger, request.frequencyCap());
        return checkActions(request.actions(), trigger.partnerId)
                .invoke(checked -> trigger.actions = checked)
                .replaceWithVoid();
    }

    private static void applyDate(Trigger trigger, TriggerDate date) {
        if (date == null) {
            throw DomainException.invalid(
                    "date", "a date trigger needs a date: birthday, createdAt or attributes.<key>");
        }
        String field = date.field().strip();
        boolean attribute = field.startsWith(ATTRIBUTES)
                && ATTRIBUTE_KEY.matcher(field.substring(ATTRIBUTES.length())).matches();
        if (!BIRTHDAY.equals(field) && !CREATED_AT.equals(field) && !attribute) {
            throw DomainException.invalid(
                    "date.field", "must be birthday, createdAt (the membership anniversary) or attributes.<key>");
        }
        trigger.dateField = field;
        trigger.offsetDays = date.offsetDays() == null ? 0 : date.offsetDays();
        trigger.localTime = date.localTime() == null ? DEFAULT_TIME : LocalTime.parse(date.localTime());
    }

    private static void applyCap(Trigger trigger, FrequencyCap cap) {
        if (cap == null) {
            trigger.capCount = null;
            trigger.capPeriod = null;
            return;
        }
        Duration period;
        try {
            period = Duration.parse(cap.period());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("frequencyCap.period", "must be an ISO-8601 duration such as P7D or PT12H");
        }
        if (period.compareTo(Duration.ofMinutes(1)) < 0 || period.compareTo(Duration.ofDays(366)) > 0) {
            throw DomainException.invalid("frequencyCap.period", "must be from one minute (PT1M) to a year (P366D)");
        }
        trigger.capCount = cap.count();
        trigger.capPeriod = period.toString();
    }

    /** The actions as stored, once every type is known and every action's settings are right. */
    private Uni<TriggerRecords.Actions> checkActions(List<TriggerAction> requested, String partnerId) {
        List<FieldError> errors = new ArrayList<>();
        List<TriggerRecords.Action> stored = new ArrayList<>();
        List<Uni<List<FieldError>>> checks = new ArrayList<>();
        long webhooks = requested.stream()
                .filter(action -> AutomationWebhookAction.NAME.equals(action.type()))
                .count();
        for (int i = 0; i < requested.size(); i++) {
            TriggerAction action = requested.get(i);
            String at = "actions[" + i + "]";
            JsonNode settings = action.settings() == null || action.settings().isNull()
                    ? json.createObjectNode()
                    : action.settings();
            ActionType type = actions.find(action.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError(at + ".type", "is not an action type; known are " + known()));
                continue;
            }
            if (!settings.isObject()) {
                errors.add(new FieldError(at + ".settings", "must be a JSON object"));
                continue;
            }
            if (AutomationWebhookAction.NAME.equals(type.name()) && webhooks > 1) {
                errors.add(new FieldError(at + ".type", "a trigger has at most one webhook action"));
            }
            stored.add(new TriggerRecords.Action(type.name(), settings));
            checks.add(type.check(settings, partnerId)
                    .map(found -> found.stream()
                            .map(error -> new FieldError(at + ".settings." + error.field(), error.message()))
                            .toList()));
        }
        Uni<List<List<FieldError>>> all = checks.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(checks).andFailFast();
        return all.map(found -> {
            found.forEach(errors::addAll);
            if (!errors.isEmpty()) {
                throw new DomainException(
                        ProblemType.VALIDATION_FAILED, "Some actions are misconfigured", List.copyOf(errors));
            }
            return new TriggerRecords.Actions(List.copyOf(stored));
        });
    }

    private String known() {
        return String.join(
                ", ", actions.actions().stream().map(ActionType::name).toList());
    }
}
