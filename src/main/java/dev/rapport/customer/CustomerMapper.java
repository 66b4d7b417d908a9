package dev.rapport.customer;

import java.util.List;

import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.Named;

import dev.rapport.customer.api.Consent;
import dev.rapport.customer.api.Consents;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PhoneNumber;
import dev.rapport.customer.api.PhoneNumberView;
import dev.rapport.customer.api.PostalAddress;
import dev.rapport.customer.api.PurchaseItem;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.platform.money.Amounts;

/** Maps the customer domain's entities and stored records to and from its API shapes. */
@Mapper(componentModel = "cdi", imports = Amounts.class)
public interface CustomerMapper {

    @Mapping(target = "recentPurchases", ignore = true)
    @Mapping(target = "recentInteractions", ignore = true)
    @Mapping(target = "stats", ignore = true)
    @Mapping(target = "parts", ignore = true)
    // MapStruct takes withParts, a copy with one argument, for a fluent setter; parts are added after mapping
    @Mapping(target = "withParts", ignore = true)
    @Mapping(target = "emails", source = "contacts.emails")
    @Mapping(target = "phones", source = "contacts.phones", qualifiedByName = "phoneViews")
    @Mapping(target = "addresses", source = "contacts.addresses")
    CustomerView toView(Customer customer);

    /** The customer's writable fields, the document a merge patch applies to. */
    @Mapping(target = "emails", source = "contacts.emails")
    @Mapping(target = "phones", source = "contacts.phones")
    @Mapping(target = "addresses", source = "contacts.addresses")
    CreateCustomerRequest toRequest(Customer customer);

    @BeanMapping(ignoreByDefault = true)
    @Mapping(target = "externalId")
    @Mapping(target = "givenName")
    @Mapping(target = "familyName")
    @Mapping(target = "contacts", source = "request")
    @Mapping(target = "birthday")
    @Mapping(target = "locale")
    @Mapping(target = "timeZone")
    @Mapping(target = "tags")
    @Mapping(target = "ownerId")
    @Mapping(target = "consents")
    @Mapping(target = "attributes")
    void apply(CreateCustomerRequest request, @MappingTarget Customer customer);

    CustomerRecords.Contacts toContacts(CreateCustomerRequest request);

    List<EmailAddress> emails(List<CustomerRecords.Email> emails);

    List<PhoneNumber> phones(List<CustomerRecords.Phone> phones);

    @Named("phoneViews")
    List<PhoneNumberView> phoneViews(List<CustomerRecords.Phone> phones);

    List<PostalAddress> addresses(List<CustomerRecords.Address> addresses);

    Consents consents(CustomerRecords.Consents consents);

    List<PurchaseItem> items(List<CustomerRecords.Line> lines);

    CustomerRecords.Consents toRecord(Consents consents);

    CustomerRecords.Consent toRecord(Consent consent);

    CustomerRecords.Email toRecord(EmailAddress email);

    /** Type, validity and the original are added from the number as given ({@link ContactStandards}). */
    @Mapping(target = "type", ignore = true)
    @Mapping(target = "valid", ignore = true)
    @Mapping(target = "original", ignore = true)
    CustomerRecords.Phone toRecord(PhoneNumber phone);

    CustomerRecords.Address toRecord(PostalAddress address);

    List<CustomerRecords.Line> toRecords(List<PurchaseItem> lines);

    default CustomerRecords.Lines toLines(List<PurchaseItem> lines) {
        return new CustomerRecords.Lines(toRecords(lines));
    }

    @Mapping(target = "amount", expression = "java(Amounts.scaled(purchase.amount, purchase.currency))")
    @Mapping(target = "refundedAmount", expression = "java(Amounts.scaled(purchase.refundedAmount, purchase.currency))")
    @Mapping(target = "items", source = "items.lines")
    PurchaseView toView(Purchase purchase);

    InteractionView toView(Interaction interaction);
}
