package dev.rapport.customer;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.DataQualityReport;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** The data-quality report over the caller's live customers (a partner's own), and each check's customers. */
@ApplicationScoped
public class DataQualityService {

    static final int DEFAULT_INACTIVE_MONTHS = 12;

    /** The order the checks' customers are listed in. */
    static final Sort NEWEST_FIRST = DataQualityQueries.NEWEST_FIRST;

    private final DataQualityQueries queries;
    private final CustomerService customers;
    private final Caller caller;

    DataQualityService(DataQualityQueries queries, CustomerService customers, Caller caller) {
        this.queries = queries;
        this.customers = customers;
        this.caller = caller;
    }

    public Uni<DataQualityReport> report(String inactiveMonths) {
        return queries.report(caller.partnerScope(), months(inactiveMonths));
    }

    /** A page of the customers one check finds, newest first. */
    public Uni<Page<CustomerView>> customers(String check, String inactiveMonths, PageRequest page) {
        return queries.list(check, caller.partnerScope(), months(inactiveMonths), page)
                .chain(ids -> customers
                        .find(ids.data())
                        .map(found -> new Page<>(
                                ids.data().stream()
                                        .map(found::get)
                                        .filter(Objects::nonNull)
                                        .toList(),
                                ids.nextCursor(),
                                ids.hasMore())));
    }

    private static int months(String inactiveMonths) {
        int months;
        try {
            months = inactiveMonths == null || inactiveMonths.isBlank()
                    ? DEFAULT_INACTIVE_MONTHS
                    : Integer.parseInt(inactiveMonths.strip());
        } catch (NumberFormatException e) {
            months = 0;
        }
        if (months < 1 || months > 120) {
            throw DomainException.invalid("inactiveMonths", "must be between 1 and 120");
        }
        return months;
    }
}
