package dev.rapport.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.event.api.EventPage;
import dev.rapport.event.api.EventView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** The change feed: every committed event once, in order, for callers who may read it. */
@ApplicationScoped
public class EventService {

    /** Cursors in log order (transaction id, sequence number). */
    private static final String LOG = "log";
    /** Cursors issued while the feed was read in sequence order; still accepted. */
    private static final String SEQ = "feed";

    /**
     * An event type or pattern: dot-separated parts of lower-case letters and underscores, * for a whole part. The
     * repetition is bounded (Java matches an unbounded group repetition by recursion: a long value overflowed the
     * stack), and so is the length.
     */
    private static final Pattern TYPE_PATTERN = Pattern.compile("\\*|[a-z_]+(?:\\.(?:[a-z_]+|\\*)){0,9}");

    private static final int MAX_TYPE_LENGTH = 200;

    private final EventQueries events;
    private final Caller caller;
    private final ObjectMapper json;

    EventService(EventQueries events, Caller caller, ObjectMapper json) {
        this.events = events;
        this.caller = caller;
        this.json = json;
    }

    /**
     * @param after a cursor from a previous page, or null to start at the oldest retained event
     * @param types comma-separated type patterns ({@code customer.*,purchase.recorded}), or null for all
     */
    public Uni<EventPage> feed(String after, String types, String limit) {
        PageRequest page = PageRequest.of(limit, null, null);
        List<String> patterns = patterns(types);
        String scope = caller.partnerScope();
        return positionOf(after)
                .chain(position -> events.after(position, patterns, scope, page.fetchSize())
                        .map(rows -> {
                            boolean hasMore = rows.size() > page.limit();
                            List<StoredEvent> data = hasMore ? rows.subList(0, page.limit()) : rows;
                            LogPosition last = data.isEmpty()
                                    ? position
                                    : data.get(data.size() - 1).position();
                            return new EventPage(data.stream().map(this::toView).toList(), cursorOf(last), hasMore);
                        }));
    }

    /** One retained event the caller may read (a partner: about its own records), or not-found. */
    public Uni<StoredEvent> find(UUID id) {
        return events.find(id, caller.partnerScope()).map(event -> {
            if (event == null) {
                throw DomainException.notFound("event", id);
            }
            return event;
        });
    }

    public EventView toView(StoredEvent event) {
        try {
            return new EventView(
                    event.id(),
                    event.type(),
                    event.occurredAt(),
                    event.subjectType(),
                    event.subjectId(),
                    json.readTree(event.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload of event " + event.id(), e);
        }
    }

    /** The cursor of a position: its transaction id as the key, its sequence number as the id. */
    static String cursorOf(LogPosition position) {
        return new Cursor(LOG, Long.toString(position.xactId()), new UUID(0, position.seq())).encode();
    }

    private Uni<LogPosition> positionOf(String after) {
        if (after == null || after.isBlank()) {
            return Uni.createFrom().item(LogPosition.START);
        }
        Cursor cursor = Cursor.decode(after);
        try {
            if (LOG.equals(cursor.sort())) {
                return Uni.createFrom()
                        .item(new LogPosition(
                                Long.parseLong(cursor.key()), cursor.id().getLeastSignificantBits()));
            }
            if (SEQ.equals(cursor.sort())) {
                return events.positionBeforeSeq(Long.parseLong(cursor.key()));
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw DomainException.invalid("after", "is not a cursor of the change feed");
    }

    /** {@code customer.*} becomes the LIKE pattern {@code customer.%}; {@code *} alone means every type. */
    static List<String> patterns(String types) {
        List<String> patterns = new ArrayList<>();
        if (types == null || types.isBlank()) {
            return patterns;
        }
        for (String type : types.split(",")) {
            String trimmed = type.trim();
            if (trimmed.length() > MAX_TYPE_LENGTH
                    || !TYPE_PATTERN.matcher(trimmed).matches()) {
                throw DomainException.invalid(
                        "types",
                        "'" + abbreviated(trimmed) + "' is not an event type or pattern such as customer.* (at most "
                                + MAX_TYPE_LENGTH + " characters)");
            }
            if (trimmed.equals("*")) {
                return List.of();
            }
            patterns.add(trimmed.replace("_", "\\_").replace("*", "%"));
        }
        return patterns;
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
