package dev.rapport.lead;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.event.ChangeSummary;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event types of the lead domain and their payloads. Their subject is the lead; the payloads carry its fields
 * at the top level (source, stage, score…), so trigger conditions test them as {@code data.<field>}, and a converted
 * lead's {@code customerId}, so segments and triggers follow the customer.
 */
public final class LeadEvent {

    public static final String SUBJECT = "lead";
    public static final String PIPELINE = "pipeline";
    public static final String SCORING_RULE = "lead_scoring_rule";
    public static final String ASSIGNMENT_RULE = "lead_assignment_rule";

    public static final String CREATED = "lead.created";
    public static final String UPDATED = "lead.updated";
    public static final String STAGE_CHANGED = "lead.stage_changed";
    public static final String ASSIGNED = "lead.assigned";
    public static final String SCORE_CHANGED = "lead.score_changed";
    public static final String NOTE_ADDED = "lead.note_added";
    public static final String CONVERTED = "lead.converted";
    public static final String LOST = "lead.lost";

    public static final String PIPELINE_CREATED = "pipeline.created";
    public static final String PIPELINE_UPDATED = "pipeline.updated";
    public static final String PIPELINE_DELETED = "pipeline.deleted";
    public static final String SCORING_RULE_CREATED = "lead_scoring_rule.created";
    public static final String SCORING_RULE_UPDATED = "lead_scoring_rule.updated";
    public static final String SCORING_RULE_DELETED = "lead_scoring_rule.deleted";
    public static final String ASSIGNMENT_RULE_CREATED = "lead_assignment_rule.created";
    public static final String ASSIGNMENT_RULE_UPDATED = "lead_assignment_rule.updated";
    public static final String ASSIGNMENT_RULE_DELETED = "lead_assignment_rule.deleted";

    public static final String CREATED_EXAMPLE = """
            {
              "id": "01a2c000-5e6a-7a01-a3fe-1cfe770fd700",
              "type": "lead.created",
              "createdAt": "2026-12-02T09:00:00Z",
              "subjectType": "lead",
              "subjectId": "01a2c000-0000-7000-8000-0000000000d1",
              "data": {
                "id": "01a2c000-0000-7000-8000-0000000000d1",
                "givenName": "Peter",
                "familyName": "Gibbons",
                "email": "peter@initech.example",
                "phone": "+442079460958",
                "company": {"name": "Initech", "size": "201-1000"},
                "source": "web_form",
                "campaign": "spring-launch",
                "pipelineId": "00000000-0000-7000-8000-00000000a001",
                "stage": "new",
                "stageCategory": "open",
                "stageEnteredAt": "2026-12-02T09:00:00Z",
                "ownerId": "sam.sales",
                "score": 25,
                "estimatedValue": 12000.00,
                "currency": "EUR",
                "tags": [],
                "attributes": {},
                "noteCount": 0,
                "createdAt": "2026-12-02T09:00:00Z",
                "updatedAt": "2026-12-02T09:00:00Z",
                "version": 0
              }
            }""";

    public static final String CONVERTED_EXAMPLE = """
            {
              "id": "01a2c001-5e6a-7a01-a3fe-1cfe770fd701",
              "type": "lead.converted",
              "createdAt": "2026-12-09T15:00:00Z",
              "subjectType": "lead",
              "subjectId": "01a2c000-0000-7000-8000-0000000000d1",
              "data": {
                "leadId": "01a2c000-0000-7000-8000-0000000000d1",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "outcome": "linked",
                "matchedBy": "phone",
                "stage": "converted",
                "source": "web_form",
                "ownerId": "sam.sales"
              }
            }""";

    private LeadEvent() {}

    /** The subject type of a rule of {@code kind} ({@link LeadRule#SCORING} or {@link LeadRule#ASSIGNMENT}). */
    static String ruleSubject(String kind) {
        return LeadRule.SCORING.equals(kind) ? SCORING_RULE : ASSIGNMENT_RULE;
    }

    /** The event type of a change ({@code created}, {@code updated}, {@code deleted}) of a rule of {@code kind}. */
    static String ruleEvent(String kind, String change) {
        return ruleSubject(kind) + "." + change;
    }

    /** Payload of {@code lead.updated}. */
    @Schema(
            name = "LeadUpdatedData",
            extensions = @Extension(name = "x-event-types", value = UPDATED),
            description = "The data of lead.updated: what changed, and the lead as it is now")
    public record Updated(
            @Schema(description = "Lead id") UUID id,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The lead after the change")
            LeadView lead)
            implements ChangeSummary {}

    /** Payload of {@code lead.stage_changed}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LeadStageChangedData",
            extensions = @Extension(name = "x-event-types", value = STAGE_CHANGED),
            description = "The data of lead.stage_changed: the stages, and the time spent in the one it left")
    public record StageChanged(
            @Schema(description = "Lead id") UUID leadId,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "The pipeline") UUID pipelineId,

            @Schema(description = "The stage before (in the pipeline before, when that changed)")
            String from,

            @Schema(description = "The stage now") String to,

            @Schema(description = "open, won or lost: the category of the stage now")
            String category,

            @Schema(description = "Seconds the lead spent in the stage before")
            long secondsInPrevious,

            @Schema(description = "The lead's source") String source,
            @Schema(description = "The lead's owner") String ownerId) {}

    /** Payload of {@code lead.assigned}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LeadAssignedData",
            extensions = @Extension(name = "x-event-types", value = ASSIGNED),
            description = "The data of lead.assigned: who owns the lead now, before, and the rule that chose")
    public record Assigned(
            @Schema(description = "Lead id") UUID leadId,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "The owner before; absent when there was none")
            String previousOwnerId,

            @Schema(description = "The owner now; absent when unassigned")
            String ownerId,

            @Schema(description = "The assignment rule that chose the owner; absent for a caller's choice")
            UUID ruleId,

            @Schema(description = "The lead's source") String source) {}

    /** Payload of {@code lead.score_changed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LeadScoreChangedData",
            extensions = @Extension(name = "x-event-types", value = SCORE_CHANGED),
            description = "The data of lead.score_changed: the score before and now, and the rules that give it")
    public record ScoreChanged(
            @Schema(description = "Lead id") UUID leadId,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "The score before") int previous,
            @Schema(description = "The score now") int score,

            @Schema(description = "The rules that hold for the lead now, with their points")
            List<Contribution> rules,

            @Schema(description = "The lead's source") String source,
            @Schema(description = "The lead's owner") String ownerId) {}

    /** A rule's share of a score. */
    @Schema(name = "LeadScoreRulePoints", description = "A scoring rule that holds, and its points")
    public record Contribution(
            @Schema(description = "Rule id") UUID ruleId,
            @Schema(description = "Rule name") String name,
            @Schema(description = "Points") int points) {}

    /** Payload of {@code lead.note_added}. */
    @Schema(
            name = "LeadNoteAddedData",
            extensions = @Extension(name = "x-event-types", value = NOTE_ADDED),
            description = "The data of lead.note_added: the note")
    public record NoteAdded(
            @Schema(description = "Lead id") UUID leadId,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "The note") LeadNoteView note) {}

    /** Payload of {@code lead.converted}. */
    @Schema(
            name = "LeadConvertedData",
            extensions = {
                @Extension(name = "x-event-types", value = CONVERTED),
                @Extension(name = "x-event-example", value = CONVERTED_EXAMPLE, parseValue = true)
            },
            description = "The data of lead.converted: the lead, the customer, and whether the customer was new")
    public record Converted(
            @Schema(description = "Lead id") UUID leadId,
            @Schema(description = "The customer") UUID customerId,
            @Schema(description = "created or linked") String outcome,

            @Schema(description = "new, requested, email or phone")
            String matchedBy,

            @Schema(description = "The won stage the lead is in now")
            String stage,

            @Schema(description = "The lead's source") String source,
            @Schema(description = "The lead's owner") String ownerId) {}

    /** Payload of {@code lead.lost}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "LeadLostData",
            extensions = @Extension(name = "x-event-types", value = LOST),
            description = "The data of lead.lost: the lost stage and why")
    public record Lost(
            @Schema(description = "Lead id") UUID leadId,

            @Schema(description = "The customer, once converted")
            UUID customerId,

            @Schema(description = "The lost stage") String stage,
            @Schema(description = "Why") String reason,
            @Schema(description = "The lead's source") String source,
            @Schema(description = "The lead's owner") String ownerId) {}

    /** Payload of {@code pipeline.updated} and the rules' updated events. */
    @Schema(
            name = "LeadDefinitionUpdatedData",
            extensions =
                    @Extension(
                            name = "x-event-types",
                            value = PIPELINE_UPDATED + "," + SCORING_RULE_UPDATED + "," + ASSIGNMENT_RULE_UPDATED),
            description =
                    "The data of pipeline.updated and the rules' updated events: what changed, and the definition now")
    public record DefinitionUpdated(
            @Schema(description = "Id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The definition after the change")
            Object definition) {}

    /** Payload of {@code pipeline.deleted} and the rules' deleted events. */
    @Schema(
            name = "LeadDefinitionDeletedData",
            extensions =
                    @Extension(
                            name = "x-event-types",
                            value = PIPELINE_DELETED + "," + SCORING_RULE_DELETED + "," + ASSIGNMENT_RULE_DELETED),
            description = "The data of pipeline.deleted and the rules' deleted events")
    public record DefinitionDeleted(
            @Schema(description = "Id") UUID id,
            @Schema(description = "Name") String name) {}
}
