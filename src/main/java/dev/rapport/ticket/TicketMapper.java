package dev.rapport.ticket;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

import dev.rapport.ticket.api.Attachment;
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.CreateBusinessCalendarRequest;
import dev.rapport.ticket.api.CreateSlaPolicyRequest;
import dev.rapport.ticket.api.CreateTicketRequest;
import dev.rapport.ticket.api.OpeningInterval;
import dev.rapport.ticket.api.SlaPolicyView;
import dev.rapport.ticket.api.SlaTargets;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketView;

/** Maps tickets, messages, calendars and policies to their API shapes, and requests onto entities. */
@Mapper(componentModel = "cdi")
public interface TicketMapper {

    /** The human number as callers see it. */
    static String number(long number) {
        return "T-" + number;
    }

    @Mapping(target = "number", expression = "java(TicketMapper.number(ticket.number))")
    TicketView toView(Ticket ticket);

    /** The ticket's writable fields, the document a merge patch applies to. */
    @Mapping(target = "requesterEmail", ignore = true)
    @Mapping(target = "message", ignore = true)
    CreateTicketRequest toRequest(Ticket ticket);

    /** Copies a create's or a patch's fields onto the ticket (status and requester are the service's). */
    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "subject", source = "subject")
    @Mapping(target = "priority", source = "priority")
    @Mapping(target = "type", source = "type")
    @Mapping(target = "channel", source = "channel")
    @Mapping(target = "assigneeId", source = "assigneeId")
    @Mapping(target = "team", source = "team")
    @Mapping(target = "tags", source = "tags")
    @Mapping(target = "attributes", source = "attributes")
    void apply(CreateTicketRequest request, @MappingTarget Ticket ticket);

    TicketMessageView toView(TicketMessage message);

    BusinessCalendarView toView(BusinessCalendar calendar);

    CreateBusinessCalendarRequest toRequest(BusinessCalendar calendar);

    SlaPolicyView toView(SlaPolicy policy);

    CreateSlaPolicyRequest toRequest(SlaPolicy policy);

    default String[] tags(List<String> tags) {
        return tags == null ? new String[0] : tags.toArray(String[]::new);
    }

    default List<String> tags(String[] tags) {
        return tags == null ? List.of() : List.of(tags);
    }

    default List<LocalDate> holidays(LocalDate[] holidays) {
        return holidays == null ? List.of() : Arrays.stream(holidays).sorted().toList();
    }

    default List<Attachment> attachments(TicketRecords.Attachments attachments) {
        return attachments == null || attachments.items().isEmpty()
                ? null
                : attachments.items().stream()
                        .map(a -> new Attachment(a.name(), a.contentType(), a.size(), a.url()))
                        .toList();
    }

    default List<OpeningInterval> intervals(TicketRecords.Openings openings) {
        return openings.items().stream()
                .map(o -> new OpeningInterval(o.day(), o.start(), o.end()))
                .toList();
    }

    default TicketRecords.Openings openings(List<OpeningInterval> intervals) {
        return new TicketRecords.Openings(intervals.stream()
                .map(i -> new TicketRecords.Opening(i.day(), i.start(), i.end()))
                .toList());
    }

    default List<SlaTargets> targets(TicketRecords.Targets targets) {
        return targets.items().stream()
                .map(t -> new SlaTargets(
                        t.priority(), t.firstResponse(), t.nextReply(), t.resolution(), t.businessHours()))
                .toList();
    }

    /** Stored targets: durations in their normalized ISO form (PT2H, not PT120M). */
    default TicketRecords.Targets targets(List<SlaTargets> targets) {
        return new TicketRecords.Targets(targets.stream()
                .map(t -> new TicketRecords.Target(
                        t.priority(),
                        normalized(t.firstResponse()),
                        normalized(t.nextReply()),
                        normalized(t.resolution()),
                        t.businessHours()))
                .toList());
    }

    private static String normalized(String duration) {
        return duration == null ? null : Duration.parse(duration).toString();
    }
}
