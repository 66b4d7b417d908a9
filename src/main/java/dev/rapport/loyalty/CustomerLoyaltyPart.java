package dev.rapport.loyalty;

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

/** The loyalty domain's part of the customer 360 view: {@code ?expand=loyalty} adds balance, tier and cards. */
@ApplicationScoped
class CustomerLoyaltyPart implements CustomerViewPart {

    private final LoyaltyAccountService accounts;
    private final Caller caller;

    CustomerLoyaltyPart(LoyaltyAccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public Uni<Map<UUID, Object>> load(List<UUID> customerIds) {
        if (!caller.has(Roles.LOYALTY_READ)) {
            throw new DomainException(
                    ProblemType.FORBIDDEN, "expand=loyalty needs the permission " + Roles.LOYALTY_READ);
        }
        return accounts.forCustomers(customerIds).map(HashMap<UUID, Object>::new);
    }
}
