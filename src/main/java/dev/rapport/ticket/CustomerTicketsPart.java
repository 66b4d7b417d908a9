package dev.rapport.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerViewPart;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** The ticket domain's part of the customer 360 view: {@code ?expand=tickets} adds open and recent tickets. */
@ApplicationScoped
class CustomerTicketsPart implements CustomerViewPart {

    private final TicketService tickets;
    private final Caller caller;

    CustomerTicketsPart(TicketService tickets, Caller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public Uni<Map<UUID, Object>> load(List<UUID> customerIds) {
        if (!caller.has(Roles.TICKETS_READ)) {
            throw new DomainException(
                    ProblemType.FORBIDDEN, "expand=tickets needs the permission " + Roles.TICKETS_READ);
        }
        return tickets.forCustomers(customerIds).map(HashMap<UUID, Object>::new);
    }
}
