package dev.rapport.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.rapport.customer.CustomerService;
import dev.rapport.lead.api.CreateLeadRequest;
import dev.rapport.lead.api.LeadCompany;
import dev.rapport.lead.api.LeadUtm;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.json.CustomAttributes;
import dev.rapport.platform.json.Tags;
import dev.rapport.platform.money.Amounts;

/**
 * The rules of a lead's fields beyond bean validation: contact points normalized exactly as customers' are, trimmed
 * text, lower-cased tags, a value with its currency; and the lead's search text.
 */
final class LeadRules {

    private LeadRules() {}

    /** The request in canonical form, or a validation problem naming every field that is wrong. */
    static CreateLeadRequest normalize(CreateLeadRequest in, CustomerService customers) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> attributes = CustomAttributes.checked(in.attributes(), errors);
        String email = CustomerService.normalizedEmail(blankToNull(in.email()));
        String givenPhone = blankToNull(in.phone());
        String phone = givenPhone == null ? null : customers.standardPhone(givenPhone);
        if (givenPhone != null && phone == null) {
            errors.add(new FieldError("phone", customers.phoneRule()));
        }
        LeadCompany company = company(in.company());
        String givenName = blankToNull(in.givenName());
        String familyName = blankToNull(in.familyName());
        if (givenName == null
                && familyName == null
                && email == null
                && givenPhone == null
                && (company == null || company.name() == null)) {
            errors.add(new FieldError("email", "a lead needs a name, an email, a phone or a company name"));
        }
        if ((in.estimatedValue() == null) != (in.currency() == null)) {
            errors.add(new FieldError(
                    in.currency() == null ? "currency" : "estimatedValue", "estimatedValue and currency go together"));
        } else if (in.currency() != null) {
            FieldError wrong = Amounts.check(in.estimatedValue(), in.currency(), "estimatedValue", "currency");
            if (wrong != null) {
                errors.add(wrong);
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<String> tags = Tags.normalized(in.tags());
        return new CreateLeadRequest(
                givenName,
                familyName,
                email,
                phone,
                company,
                in.source(),
                blankToNull(in.campaign()),
                utm(in.utm()),
                in.pipelineId(),
                blankToNull(in.stage()),
                blankToNull(in.ownerId()),
                in.estimatedValue(),
                in.currency(),
                in.expectedCloseDate(),
                tags,
                attributes,
                blankToNull(in.lostReason()));
    }

    /** Copies a normalized request's fields onto the lead (pipeline, stage and owner are the service's). */
    static void apply(CreateLeadRequest request, Lead lead) {
        lead.givenName = request.givenName();
        lead.familyName = request.familyName();
        lead.email = request.email();
        lead.phone = request.phone();
        LeadCompany company = request.company();
        lead.companyName = company == null ? null : company.name();
        lead.companySize = company == null ? null : company.size();
        lead.industry = company == null ? null : company.industry();
        lead.website = company == null ? null : company.website();
        lead.source = request.source();
        lead.campaign = request.campaign();
        LeadUtm utm = request.utm();
        lead.utm = utm == null
                ? null
                : new LeadRecords.Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
        lead.valueAmount = request.estimatedValue();
        lead.valueCurrency = request.currency();
        lead.expectedCloseDate = request.expectedCloseDate();
        lead.tags = request.tags().toArray(String[]::new);
        lead.attributes = request.attributes();
        lead.lostReason = request.lostReason();
        lead.searchText = searchText(lead);
    }

    static String searchText(Lead lead) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {
            lead.givenName,
            lead.familyName,
            lead.email,
            lead.phone == null ? null : lead.phone.replace("+", ""),
            lead.companyName
        }) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        return SearchText.searchable(text.toString());
    }

    private static LeadCompany company(LeadCompany in) {
        if (in == null) {
            return null;
        }
        return LeadCompany.of(blankToNull(in.name()), in.size(), blankToNull(in.industry()), blankToNull(in.website()));
    }

    private static LeadUtm utm(LeadUtm in) {
        if (in == null) {
            return null;
        }
        LeadUtm utm = new LeadUtm(
                blankToNull(in.source()),
                blankToNull(in.medium()),
                blankToNull(in.campaign()),
                blankToNull(in.term()),
                blankToNull(in.content()));
        return utm.source() == null
                        && utm.medium() == null
                        && utm.campaign() == null
                        && utm.term() == null
                        && utm.content() == null
                ? null
                : utm;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
