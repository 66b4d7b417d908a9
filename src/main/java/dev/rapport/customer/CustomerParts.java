package dev.rapport.customer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.CustomerViewPart;
import io.smallrye.mutiny.Uni;

/** The parts other domains add to the customer 360 view ({@link CustomerViewPart}), by name. */
@ApplicationScoped
class CustomerParts {

    private final Map<String, CustomerViewPart> parts = new TreeMap<>();

    CustomerParts(Instance<CustomerViewPart> registered) {
        registered.forEach(part -> parts.put(part.name(), part));
    }

    Set<String> names() {
        return parts.keySet();
    }

    /** The customers with the named parts added, one load per part. */
    Uni<List<CustomerView>> add(List<CustomerView> views, Set<String> names) {
        if (names.isEmpty() || views.isEmpty()) {
            return Uni.createFrom().item(views);
        }
        List<UUID> ids = views.stream().map(CustomerView::id).toList();
        Map<String, Map<UUID, Object>> loaded = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String name : names) {
            all = all.chain(() -> parts.get(name).load(ids).invoke(part -> loaded.put(name, part)))
                    .replaceWithVoid();
        }
        return all.map(nothing -> views.stream()
                .map(view -> {
                    Map<String, Object> of = new LinkedHashMap<>();
                    for (String name : names) {
                        of.put(name, loaded.get(name).get(view.id()));
                    }
                    return view.withParts(of);
                })
                .toList());
    }
}
