package dev.rapport.ticket;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the JSONB columns of tickets, messages, calendars and policies hold: records of the domain, not the API's
 * shapes. Lists are wrapped in one object, because the reactive driver binds JSON objects, not top-level arrays.
 */
public final class TicketRecords {

    private TicketRecords() {}

    /** A file attached to a message: metadata only, the file lives at {@code url}. */
    @RegisterForReflection
    public record Attachment(String name, String contentType, long size, String url) {}

    @RegisterForReflection
    public record Attachments(List<Attachment> items) {

        public static final Attachments NONE = new Attachments(List.of());

        public Attachments {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A weekly opening interval: a day of the week (monday…sunday) and local times (HH:mm). */
    @RegisterForReflection
    public record Opening(String day, String start, String end) {}

    @RegisterForReflection
    public record Openings(List<Opening> items) {

        public static final Openings NONE = new Openings(List.of());

        public Openings {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A policy's targets for one priority, ISO-8601 durations; a null target is not measured. */
    @RegisterForReflection
    public record Target(
            String priority, String firstResponse, String nextReply, String resolution, Boolean businessHours) {}

    @RegisterForReflection
    public record Targets(List<Target> items) {

        public static final Targets NONE = new Targets(List.of());

        public Targets {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
