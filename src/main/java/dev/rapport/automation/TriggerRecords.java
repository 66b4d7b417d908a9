package dev.rapport.automation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the JSONB column of triggers holds: records of the domain, not the API's shapes. */
public final class TriggerRecords {

    private TriggerRecords() {}

    /** One action: its type and settings (a JSON object). */
    @RegisterForReflection
    public record Action(String type, JsonNode settings) {}

    /** A trigger's actions, in order: one JSONB object, because the reactive driver binds objects, not arrays. */
    @RegisterForReflection
    public record Actions(List<Action> items) {

        public static final Actions NONE = new Actions(List.of());
    }
}
