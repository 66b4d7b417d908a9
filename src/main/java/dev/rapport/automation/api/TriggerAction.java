package dev.rapport.automation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Type("TriggerAction")
@Description("One action of a trigger: its type and settings (README, Automations, lists them)")
@Schema(
        description = "One action of a trigger. Types: webhook (settings: payload, any JSON object, delivered in "
                + "trigger.fired), addTags and removeTags (tags), setAttribute (key, value), assignOwner (ownerId, "
                + "or ownerIds to take turns), addToSegment and removeFromSegment (segmentId of a static segment).")
public record TriggerAction(
        @Schema(description = "Action type", examples = "addTags", required = true)
        @Description("Action type")
        @NonNull
        @NotBlank
        @Size(max = 80)
        String type,

        @Schema(
                description = "The action's settings, a JSON object; {} when omitted",
                examples = "{\"tags\": [\"birthday-greeted\"]}")
        @Ignore
        JsonNode settings) {}
