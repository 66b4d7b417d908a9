package dev.rapport.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The events of one change beyond its main one, collected while the change is made and appended in the order they
 * were added, in the change's transaction; each payload is read only when it is appended, so it shows the record as
 * the whole change left it.
 */
public final class PendingEvents {

    private record Pending(String type, String subjectType, UUID subjectId, String partnerId, Supplier<Object> data) {}

    private final EventLog log;
    private final List<Pending> pending = new ArrayList<>();

    PendingEvents(EventLog log) {
        this.log = log;
    }

    /** An event to append, as {@link EventLog#append} takes it, with its payload read later. */
    public void add(String type, String subjectType, UUID subjectId, String ownerPartnerId, Supplier<Object> data) {
        pending.add(new Pending(type, subjectType, subjectId, ownerPartnerId, data));
    }

    /** Appends the events, in order. */
    public Uni<Void> appendAll() {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Pending p : pending) {
            all = all.chain(() -> log.append(
                            p.type(),
                            p.subjectType(),
                            p.subjectId(),
                            p.partnerId(),
                            p.data().get()))
                    .replaceWithVoid();
        }
        return all;
    }
}
