package dev.rapport.survey;

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

/** The survey domain's part of the customer 360 view: {@code ?expand=surveys} adds the latest NPS and category. */
@ApplicationScoped
class CustomerSurveysPart implements CustomerViewPart {

    private final SurveyResponseService responses;
    private final Caller caller;

    CustomerSurveysPart(SurveyResponseService responses, Caller caller) {
        this.responses = responses;
        this.caller = caller;
    }

    @Override
    public String name() {
        return "surveys";
    }

    @Override
    public Uni<Map<UUID, Object>> load(List<UUID> customerIds) {
        if (!caller.has(Roles.SURVEYS_READ)) {
            throw new DomainException(
                    ProblemType.FORBIDDEN, "expand=surveys needs the permission " + Roles.SURVEYS_READ);
        }
        return responses.forCustomers(customerIds).map(HashMap<UUID, Object>::new);
    }
}
