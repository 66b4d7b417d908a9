package dev.rapport.automation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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
import dev.rapport.automation.api.TriggerSchedule;
import dev.rapport.platform.action.ActionCatalog;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.segment.SegmentService;
import io.smallrye.mutiny.Uni;

/**
 * A trigger definition checked and written onto the stored trigger: what fires it for its kind (event types; a
 * customer date; a cron schedule, its zone and a segment the caller may see), its condition
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
    private final SegmentService segments;
    private final ObjectMapper json;

    TriggerRules(TriggerConditions conditions, ActionCatalog actions, SegmentService segments, ObjectMapper json) {
        this.conditions = conditions;
        this.segments = segments;
        this.actions = actions;
        this.json = json;
    }

    /** Checks {@code request} and writes it onto {@code trigger} (its kind set already), or fails with what is wrong. */
    Uni<Void> apply(Trigger trigger, CreateTriggerRequest request, Instant now) {
        trigger.name = request.name().strip();
        trigger.description = request.description();
        trigger.enabled = !Boolean.FALSE.equals(request.enabled());
        Uni<Void> kind = switch (trigger.kind) {
            case Trigger.EVENT -> applyEvent(trigger, request);
            case Trigger.DATE -> applyDate(trigger, request);
            default -> applySchedule(trigger, request);
        };
        trigger.condition = request.condition() == null || request.condition().isBlank()
                ? null
                : request.condition().strip();
        if (trigger.condition != null) {
            conditions.check(trigger.condition, now);
        }
        applyCap(trigger, request.frequencyCap());
        return kind.chain(() -> checkActions(request.actions(), trigger.partnerId))
                .invoke(checked -> trigger.actions = checked)
                .replaceWithVoid();
    }

    private static Uni<Void> applyEvent(Trigger trigger, CreateTriggerRequest request) {
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            throw DomainException.invalid("eventTypes", "an event trigger needs 1 to 20 event types or patterns");
        }
        only(request, "eventTypes");
        trigger.eventTypes = request.eventTypes().stream().distinct().toArray(String[]::new);
        clear(trigger);
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> applyDate(Trigger trigger, CreateTriggerRequest request) {
        only(request, "date");
        clear(trigger);
        TriggerDate date = request.date();
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
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> applySchedule(Trigger trigger, CreateTriggerRequest request) {
        only(request, "schedule");
        clear(trigger);
        TriggerSchedule schedule = request.schedule();
        if (schedule == null) {
            throw DomainException.invalid("schedule", "a schedule trigger needs a schedule: cron, timeZone, segmentId");
        }
        try {
            TriggerSchedules.parse(schedule.cron().strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "schedule.cron",
                    "must be a cron expression: minute hour day-of-month month day-of-week, such as 0 9 * * MON");
        }
        try {
            ZoneId.of(schedule.timeZone());
        } catch (DateTimeException e) {
            throw DomainException.invalid("schedule.timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        trigger.cron = schedule.cron().strip();
        trigger.timeZone = schedule.timeZone();
        trigger.segmentId = schedule.segmentId();
        return segments.get(schedule.segmentId())
                .onFailure(DomainException.class)
                .transform(e -> ((DomainException) e).type() == ProblemType.NOT_FOUND
                        ? DomainException.invalid("schedule.segmentId", "no such segment: " + schedule.segmentId())
                        : e)
                .replaceWithVoid();
    }

    /** The kind's own field is {@code own}; those of the other kinds must be absent. */
    private static void only(CreateTriggerRequest request, String own) {
        if (!"eventTypes".equals(own)
                && request.eventTypes() != null
                && !request.eventTypes().isEmpty()) {
            throw DomainException.invalid("eventTypes", "only an event trigger has event types");
        }
        if (!"date".equals(own) && request.date() != null) {
            throw DomainException.invalid("date", "only a date trigger has a date");
        }
        if (!"schedule".equals(own) && request.schedule() != null) {
            throw DomainException.invalid("schedule", "only a schedule trigger has a schedule");
        }
    }

    /** Clears what the trigger's kind does not use. */
    private static void clear(Trigger trigger) {
        if (!Trigger.EVENT.equals(trigger.kind)) {
            trigger.eventTypes = null;
        }
        if (!Trigger.DATE.equals(trigger.kind)) {
            trigger.dateField = null;
            trigger.offsetDays = null;
            trigger.localTime = null;
        }
        if (!Trigger.SCHEDULE.equals(trigger.kind)) {
            trigger.cron = null;
            trigger.timeZone = null;
            trigger.segmentId = null;
        }
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
