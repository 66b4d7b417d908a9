package dev.rapport.platform.action;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** Every {@link ActionSource}'s actions, by name: what triggers can do. */
@ApplicationScoped
public class ActionCatalog {

    private final Map<String, ActionType> byName;

    @Inject
    ActionCatalog(Instance<ActionSource> sources) {
        this(sources.stream().toList());
    }

    /** A catalog of the given sources (tests build one without CDI). */
    public ActionCatalog(List<ActionSource> sources) {
        Map<String, ActionType> byName = new LinkedHashMap<>();
        sources.stream()
                .sorted((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()))
                .flatMap(source -> source.actions().stream())
                .forEach(action -> {
                    if (byName.putIfAbsent(action.name(), action) != null) {
                        throw new IllegalStateException("Two action sources define the action " + action.name());
                    }
                });
        this.byName = Map.copyOf(byName);
    }

    public Optional<ActionType> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Collection<ActionType> actions() {
        return byName.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    /**
     * Whether a failure of {@link ActionType#run} can never succeed on a retry: a domain refusal of the request
     * itself (not found, invalid, in conflict with what is stored), not a concurrent change or an overload.
     */
    public static boolean isPermanent(Throwable failure) {
        if (!(failure instanceof DomainException refused)) {
            return false;
        }
        ProblemType type = refused.type();
        return type.status() >= 400
                && type.status() < 500
                && type != ProblemType.CONCURRENT_MODIFICATION
                && type != ProblemType.PRECONDITION_FAILED
                && type != ProblemType.RATE_LIMITED;
    }
}
