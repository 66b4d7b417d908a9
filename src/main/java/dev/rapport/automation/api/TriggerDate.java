package dev.rapport.automation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("TriggerDate")
@Input("TriggerDateInput")
@Description("The customer date a date trigger fires on every year, offset by days, at a local time of day")
@Schema(
        description = "The customer date a date trigger fires on every year: the birthday, the membership "
                + "anniversary (createdAt) or a date attribute (attributes.<key>, ISO date text), offset by days, at a "
                + "time of day in the customer's time zone (the configured fallback when it has none). A February 29 "
                + "falls on February 28 in other years; a local time that a DST change skips fires as much later as "
                + "the gap is long (02:30 becomes 03:30), one that occurs twice fires at the first.")
public record TriggerDate(
        @Schema(description = "birthday, createdAt or attributes.<key>", examples = "birthday", required = true)
        @Description("birthday, createdAt or attributes.<key>")
        @NotBlank
        @Size(max = 80)
        String field,

        @Schema(description = "Days after (negative: before) the date; 0 when omitted", examples = "-7")
        @Description("Days after (negative: before) the date; 0 when omitted")
        @Min(-366)
        @Max(366)
        Integer offsetDays,

        @Schema(description = "Local time of day, HH:mm; 09:00 when omitted", examples = "09:00")
        @Description("Local time of day, HH:mm; 09:00 when omitted")
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day HH:mm")
        String localTime) {}
