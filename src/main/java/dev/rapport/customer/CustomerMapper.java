package dev.rapport.customer;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchaseView;

/** Maps the customer domain's entities to and from its API shapes. */
@Mapper(componentModel = "cdi")
public interface CustomerMapper {

    @Mapping(target = "recentPurchases", ignore = true)
    @Mapping(target = "recentInteractions", ignore = true)
    @Mapping(target = "stats", ignore = true)
    @Mapping(target = "emails", source = "contacts.emails")
    @Mapping(target = "phones", source = "contacts.phones")
    @Mapping(target = "addresses", source = "contacts.addresses")
    CustomerView toView(Customer customer);

    /** The customer's writable fields, the document a merge patch applies to. */
    @Mapping(target = "emails", source = "contacts.emails")
    @Mapping(target = "phones", source = "contacts.phones")
    @Mapping(target = "addresses", source = "contacts.addresses")
    CreateCustomerRequest toRequest(Customer customer);

    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "givenName")
    @Mapping(target = "familyName")
    @Mapping(target = "contacts",
            expression = "java(new Customer.Contacts(request.emails(), request.phones(), request.addresses()))")
    @Mapping(target = "birthday")
    @Mapping(target = "locale")
    @Mapping(target = "timeZone")
    @Mapping(target = "tags")
    @Mapping(target = "ownerId")
    @Mapping(target = "consents")
    @Mapping(target = "attributes")
    void apply(CreateCustomerRequest request, @MappingTarget Customer customer);

    @Mapping(target = "amount", expression = "java(Amounts.scaled(purchase.amount, purchase.currency))")
    @Mapping(target = "items", source = "items.lines")
    PurchaseView toView(Purchase purchase);

    InteractionView toView(Interaction interaction);
}
