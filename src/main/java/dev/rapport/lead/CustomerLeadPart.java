package dev.rapport.lead;

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

/** The lead domain's part of the customer 360 view: {@code ?expand=lead} adds the lead the customer came from. */
@ApplicationScoped
class CustomerLeadPart implements CustomerViewPart {

    private final LeadService leads;
    private final Caller caller;

    CustomerLeadPart(LeadService leads, Caller caller) {
        this.leads = leads;
        this.caller = caller;
    }

    @Override
    public String name() {
        return "lead";
    }

    @Override
    public Uni<Map<UUID, Object>> load(List<UUID> customerIds) {
        if (!caller.has(Roles.LEADS_READ)) {
            throw new DomainException(ProblemType.FORBIDDEN, "expand=lead needs the permission " + Roles.LEADS_READ);
        }
        return leads.forCustomers(customerIds).map(HashMap<UUID, Object>::new);
    }
}
