package dev.rapport.loyalty;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.loyalty.api.CustomerLoyalty;
import io.smallrye.mutiny.Uni;

/** One customer's loyalty accounts: the loyalty domain's part of the customer 360 view. */
@Path("/v1/customers/{id}/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty")
public class CustomerLoyaltyResource {

    private final LoyaltyAccountService accounts;

    CustomerLoyaltyResource(LoyaltyAccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed(dev.rapport.platform.security.Roles.LOYALTY_READ)
    @Operation(operationId = "getCustomerLoyalty", summary = "A customer's loyalty accounts and their total balance")
    @APIResponse(
            responseCode = "200",
            description = "The accounts, oldest enrolment first",
            content = @Content(schema = @Schema(implementation = CustomerLoyalty.class)))
    public Uni<CustomerLoyalty> loyalty(@PathParam("id") UUID id) {
        return accounts.ofCustomer(id)
                .map(own -> new CustomerLoyalty(
                        own.stream()
                                .mapToLong(dev.rapport.loyalty.api.LoyaltyAccountView::balance)
                                .sum(),
                        own));
    }
}
