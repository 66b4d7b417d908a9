package dev.rapport.customer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.DuplicateCandidate;
import dev.rapport.customer.api.DuplicatePairPage;
import dev.rapport.customer.api.MergeCustomerRequest;
import dev.rapport.customer.api.MergeResult;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/** Duplicates in GraphQL, as GET /v1/customers/{id}/duplicates and /v1/customers/duplicates. */
@GraphQLApi
public class CustomerDuplicateGraphQLApi {

    private final CustomerDuplicateService duplicates;
    private final CustomerMergeService merges;

    CustomerDuplicateGraphQLApi(CustomerDuplicateService duplicates, CustomerMergeService merges) {
        this.duplicates = duplicates;
        this.merges = merges;
    }

    @Mutation("mergeCustomers")
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Description(
            "Merge a duplicate into a customer, as POST /v1/customers/{id}/merge; repeating it answers what it did")
    public Uni<MergeResult> mergeCustomers(
            @NonNull @Id @Description("The customer that remains") String id,
            @NonNull @Valid MergeCustomerRequest input) {
        return merges.merge(GraphQLArguments.id(id), input);
    }

    @Name("duplicates")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("The customers that may be the same person, best first, with the score and the reasons")
    public Uni<List<List<DuplicateCandidate>>> duplicates(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return duplicates
                .duplicates(ids)
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, List.of()))
                        .toList());
    }

    @Query("duplicateReport")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("Every pair of customers that may be one person, cursor-paged, as GET /v1/customers/duplicates")
    public Uni<DuplicatePairPage> duplicateReport(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return duplicates
                .report(PageRequest.of(String.valueOf(limit), after, CustomerDuplicateService.PAIR_ORDER))
                .map(page -> new DuplicatePairPage(page.data(), page.nextCursor(), page.hasMore()));
    }
}
