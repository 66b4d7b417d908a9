package dev.rapport.automation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A trigger to define, as GraphQL takes it: POST /v1/triggers's document, with each action's settings as JSON text. */
@Input("TriggerInput")
@Description("A trigger to define: the document POST /v1/triggers takes, each action's settings as JSON text")
public record TriggerInput(
        @Description("Name") @NonNull String name,
        @Description("Free description") String description,
        @Description("event, date or schedule") @NonNull String kind,

        @Description("Kind event: the event types that fire it; * is a wildcard part")
        List<String> eventTypes,

        @Description("Kind date: the date that fires it") TriggerDate date,

        @Description("Kind schedule: when it fires, for which segment")
        TriggerSchedule schedule,

        @Description("RSQL that must hold for it to fire") String condition,

        @Description("What to do, in order: 1 to 10 actions") @NonNull
        List<@NonNull Action> actions,

        @Description("At most so many firings per customer and period")
        FrequencyCap frequencyCap,

        @Description("Whether it fires; true when omitted") Boolean enabled) {

    @Input("TriggerActionInput")
    @Description("One action: its type and its settings as a JSON object's text")
    public record Action(
            @Description("Action type") @NonNull String type,

            @Description("Settings, a JSON object's text, for example {\"tags\": [\"vip\"]}")
            String settings) {}
}
