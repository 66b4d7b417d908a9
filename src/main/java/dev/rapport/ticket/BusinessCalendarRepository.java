package dev.rapport.ticket;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Business calendars inside write transactions; callers read them through {@link SlaQueries}. */
@ApplicationScoped
public class BusinessCalendarRepository implements PanacheRepositoryBase<BusinessCalendar, UUID> {

    /** A calendar a caller of {@code scope} may use or manage, or null. */
    public Uni<BusinessCalendar> findVisible(UUID id, String scope) {
        return findById(id).map(c -> c == null || !Caller.mayAccess(scope, c.partnerId) ? null : c);
    }
}
