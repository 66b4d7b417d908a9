package dev.rapport.lead;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the JSONB columns of pipelines and leads hold: records of the domain, not the API's shapes. Lists are wrapped
 * in one object, because the reactive driver binds JSON objects, not top-level arrays.
 */
public final class LeadRecords {

    public static final String OPEN = "open";
    public static final String WON = "won";
    public static final String LOST = "lost";

    private LeadRecords() {}

    /** A stage: its key (what a lead's stage names), a name to show, the win probability in percent, a category. */
    @RegisterForReflection
    public record Stage(String key, String name, int probability, String category) {

        boolean isWon() {
            return WON.equals(category);
        }

        boolean isLost() {
            return LOST.equals(category);
        }
    }

    @RegisterForReflection
    public record Stages(List<Stage> items) {

        public static final Stages NONE = new Stages(List.of());

        public Stages {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** Campaign tracking parameters as a web form captured them. */
    @RegisterForReflection
    public record Utm(String source, String medium, String campaign, String term, String content) {}
}
