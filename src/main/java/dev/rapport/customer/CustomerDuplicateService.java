package dev.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.DuplicateCandidate;
import dev.rapport.customer.api.DuplicatePair;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Finding duplicates: a customer's candidates, and the report of every pair in the caller's scope. Rules in
 * {@link CustomerMatching}; the check on create is {@link CustomerService#create(
 * dev.rapport.customer.api.CreateCustomerRequest, boolean)}.
 */
@ApplicationScoped
public class CustomerDuplicateService {

    /** The report's one order: by the pair of ids. */
    static final Sort PAIR_ORDER = CustomerDuplicateQueries.PAIR_ORDER;

    private final CustomerService customers;
    private final CustomerDuplicateQueries queries;
    private final Caller caller;

    CustomerDuplicateService(CustomerService customers, CustomerDuplicateQueries queries, Caller caller) {
        this.customers = customers;
        this.queries = queries;
        this.caller = caller;
    }

    /** The live customers that may be the same person as the live customer {@code id}, best first. */
    public Uni<List<DuplicateCandidate>> duplicates(UUID id) {
        return customers
                .requireLive(id)
                .chain(customer -> duplicates(List.of(customer.id())))
                .map(byCustomer -> byCustomer.getOrDefault(id, List.of()));
    }

    /** The candidates of each of the customers (a GraphQL batch), best first; the caller may see them all. */
    public Uni<Map<UUID, List<DuplicateCandidate>>> duplicates(List<UUID> ids) {
        return queries.candidates(ids)
                .chain(byCustomer -> customers
                        .find(byCustomer.values().stream()
                                .flatMap(List::stream)
                                .map(DuplicatePair::duplicateId)
                                .distinct()
                                .toList())
                        .map(found -> {
                            Map<UUID, List<DuplicateCandidate>> candidates = new LinkedHashMap<>();
                            byCustomer.forEach((id, pairs) -> candidates.put(id, candidates(pairs, found)));
                            return candidates;
                        }));
    }

    /** One page of the pairs of customers that may be one person: a partner's own, or every scope's for staff. */
    public Uni<Page<DuplicatePair>> report(PageRequest page) {
        return queries.report(caller.partnerScope(), page);
    }

    private static List<DuplicateCandidate> candidates(List<DuplicatePair> pairs, Map<UUID, CustomerView> found) {
        return pairs.stream()
                .filter(pair -> found.containsKey(pair.duplicateId()))
                .map(pair -> new DuplicateCandidate(
                        pair.duplicateId(), pair.score(), pair.reasons(), found.get(pair.duplicateId())))
                .toList();
    }
}
