package dev.rapport.ticket;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.event.ChangeSummary;

/** The event types of SLA policies and business calendars; their subject is the policy or the calendar. */
public final class SlaEvent {

    public static final String POLICY = "sla_policy";
    public static final String CALENDAR = "business_calendar";

    public static final String POLICY_CREATED = "sla_policy.created";
    public static final String POLICY_UPDATED = "sla_policy.updated";
    public static final String POLICY_DELETED = "sla_policy.deleted";
    public static final String CALENDAR_CREATED = "business_calendar.created";
    public static final String CALENDAR_UPDATED = "business_calendar.updated";
    public static final String CALENDAR_DELETED = "business_calendar.deleted";

    private SlaEvent() {}

    /** Payload of {@code sla_policy.updated} and {@code business_calendar.updated}. */
    @Schema(
            name = "SlaDefinitionUpdatedData",
            extensions = @Extension(name = "x-event-types", value = POLICY_UPDATED + "," + CALENDAR_UPDATED),
            description = "The data of sla_policy.updated and business_calendar.updated: what changed, and the "
                    + "definition as it is now")
    public record Updated(
            @Schema(description = "Policy or calendar id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The policy or calendar after the change", implementation = Object.class)
            Object definition)
            implements ChangeSummary {}

    /** Payload of {@code sla_policy.deleted} and {@code business_calendar.deleted}. */
    @Schema(
            name = "SlaDefinitionDeletedData",
            extensions = @Extension(name = "x-event-types", value = POLICY_DELETED + "," + CALENDAR_DELETED),
            description = "The data of sla_policy.deleted and business_calendar.deleted")
    public record Deleted(
            @Schema(description = "Id") UUID id,
            @Schema(description = "Its name") String name) {}
}
