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

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.ConsentChangeView;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.CreatePurchaseRequest;
import dev.rapport.customer.api.CreateRefundRequest;
import dev.rapport.customer.api.CustomerInput;
import dev.rapport.customer.api.CustomerPage;
import dev.rapport.customer.api.CustomerStats;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.OnDuplicate;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.customer.api.RefundView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.JsonObjectText;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/**
 * The customer domain in GraphQL: the same services, field names, filters and error codes as REST. Nested
 * collections are batched: a page of customers with their purchases, interactions and stats costs one query
 * per collection, whatever the page size.
 */
@GraphQLApi
public class CustomerGraphQLApi {

    private static final int MAX_RECENT = 50;
    private static final JsonObjectText ATTRIBUTES = new JsonObjectText();

    private final CustomerService customers;
    private final CustomerActivityService activity;
    private final ObjectMapper json;

    CustomerGraphQLApi(CustomerService customers, CustomerActivityService activity, ObjectMapper json) {
        this.customers = customers;
        this.activity = activity;
        this.json = json;
    }

    @Query("customer")
    @Description("One customer by id")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    public Uni<CustomerView> customer(@NonNull @Id String id) {
        return customers.get(GraphQLArguments.id(id), CustomerExpand.NONE);
    }

    @Query("customers")
    @Description("Customers, cursor-paged; filter takes the same RSQL as GET /v1/customers")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    public Uni<CustomerPage> customers(
            @Description("RSQL filter, for example tags==vip;attributes.score=ge=40") String filter,
            @Description("Free-text search in names, emails and phone numbers") String q,
            @Description("Sort field, - prefix for descending") String sort,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return customers
                .list(ListParameters.of(limit, after, filter, sort, q), false, CustomerExpand.NONE)
                .map(page -> new CustomerPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("recentPurchases")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("The customer's most recent purchases, newest first")
    public Uni<List<List<PurchaseView>>> recentPurchases(
            @Source List<CustomerView> sources, @Description("How many, at most 50") @DefaultValue("10") int limit) {
        List<UUID> ids = ids(sources);
        return customers
                .recentPurchases(ids, capped(limit))
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, List.of()))
                        .toList());
    }

    @Name("recentInteractions")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("The customer's most recent interactions, newest first")
    public Uni<List<List<InteractionView>>> recentInteractions(
            @Source List<CustomerView> sources, @Description("How many, at most 50") @DefaultValue("10") int limit) {
        List<UUID> ids = ids(sources);
        return customers
                .recentInteractions(ids, capped(limit))
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, List.of()))
                        .toList());
    }

    @Name("stats")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("Figures derived from the customer's purchases")
    public Uni<List<CustomerStats>> stats(@Source List<CustomerView> sources) {
        List<UUID> ids = ids(sources);
        return customers
                .stats(ids)
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, CustomerStats.EMPTY))
                        .toList());
    }

    @Name("consentHistory")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("The latest changes of the customer's channel consents, newest first")
    public Uni<List<List<ConsentChangeView>>> consentHistory(
            @Source List<CustomerView> sources, @Description("How many, at most 50") @DefaultValue("10") int limit) {
        List<UUID> ids = ids(sources);
        return customers
                .consentHistory(ids, capped(limit))
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, List.of()))
                        .toList());
    }

    @Name("attributes")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    @Description("Custom attributes as a JSON object")
    public String attributes(@Source CustomerView customer) throws Exception {
        return ATTRIBUTES.to(customer.attributes());
    }

    @Mutation("createCustomer")
    @Description("Create a customer")
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    public Uni<CustomerView> createCustomer(
            @NonNull CustomerInput input,
            @Description("reject: refuse a customer that may be one that exists, naming the matches")
                    @DefaultValue("allow")
                    OnDuplicate onDuplicate) {
        CreateCustomerRequest request;
        try {
            request = input.toRequest();
        } catch (Exception e) {
            throw DomainException.invalid("attributes", "must be a JSON object");
        }
        return customers.create(request, onDuplicate == OnDuplicate.reject);
    }

    @Mutation("updateCustomer")
    @Description("Update a customer with a JSON merge patch, the same document PATCH /v1/customers/{id} takes")
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    public Uni<CustomerView> updateCustomer(
            @NonNull @Id String id,
            @NonNull @Description("JSON merge patch, for example {\"familyName\": \"Byron\"}") String patch,
            @Description("The version the change is based on; a stale one fails with precondition-failed")
                    Long ifMatchVersion) {
        return customers.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteCustomer")
    @Description("Soft-delete a customer; returns its id")
    @RolesAllowed(Roles.CUSTOMERS_DELETE)
    @Id
    public Uni<String> deleteCustomer(@NonNull @Id String id, Long ifMatchVersion) {
        return customers
                .delete(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("recordPurchase")
    @Description("Record a purchase of a customer")
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    public Uni<PurchaseView> recordPurchase(
            @NonNull @Id String customerId, @NonNull @Valid CreatePurchaseRequest input) {
        return activity.recordPurchase(GraphQLArguments.id(customerId), input);
    }

    @Mutation("refundPurchase")
    @Description(
            "Refund a purchase of a customer, in full or in part, as POST /v1/customers/{id}/purchases/{id}/refunds")
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    public Uni<RefundView> refundPurchase(
            @NonNull @Id String customerId, @NonNull @Id String purchaseId, @NonNull @Valid CreateRefundRequest input) {
        return activity.refund(GraphQLArguments.id(customerId), GraphQLArguments.id(purchaseId), input);
    }

    @Mutation("logInteraction")
    @Description("Log an interaction on a customer's timeline")
    @RolesAllowed(Roles.CUSTOMERS_WRITE)
    public Uni<InteractionView> logInteraction(
            @NonNull @Id String customerId, @NonNull @Valid CreateInteractionRequest input) {
        return activity.logInteraction(GraphQLArguments.id(customerId), input);
    }

    private static List<UUID> ids(List<CustomerView> sources) {
        return sources.stream().map(CustomerView::id).toList();
    }

    private static int capped(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_RECENT);
        }
        return limit;
    }
}
