package dev.rapport.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.rapport.lead.api.LeadScoreView;
import dev.rapport.platform.filter.Facts;

/**
 * Scores and owners from rules: a lead's score is the sum of the points of the enabled scoring rules whose condition
 * holds for it; its owner, when it has none, comes from the first enabled assignment rule (by position) that holds.
 */
final class LeadScoring {

    /** A score, and each scoring rule's part in it. */
    record Score(int total, List<LeadScoreView.Contribution> rules) {

        /** The rules that hold, as events carry them. */
        List<LeadEvent.Contribution> contributing() {
            return rules.stream()
                    .filter(LeadScoreView.Contribution::matched)
                    .map(r -> new LeadEvent.Contribution(r.ruleId(), r.name(), r.points()))
                    .toList();
        }
    }

    /** A rule as scoring reads it, from an entity in a write or a row in a read. */
    record Rule(
            java.util.UUID id,
            String kind,
            String name,
            String condition,
            Integer points,
            String ownerId,
            List<String> pool,
            boolean enabled) {

        static Rule of(LeadRule rule) {
            return new Rule(
                    rule.id,
                    rule.kind,
                    rule.name,
                    rule.condition,
                    rule.points,
                    rule.ownerId,
                    rule.pool == null ? List.of() : List.of(rule.pool),
                    rule.enabled);
        }
    }

    private LeadScoring() {}

    static Score score(List<Rule> rules, Facts facts, Instant now) {
        int total = 0;
        List<LeadScoreView.Contribution> parts = new ArrayList<>();
        for (Rule rule : rules) {
            if (!LeadRule.SCORING.equals(rule.kind()) || !rule.enabled()) {
                continue;
            }
            boolean matched = holds(rule, facts, now);
            int points = rule.points() == null ? 0 : rule.points();
            total += matched ? points : 0;
            parts.add(new LeadScoreView.Contribution(
                    rule.id(), rule.name(), rule.condition(), points, matched, matched ? points : 0));
        }
        return new Score(total, parts);
    }

    /** The assignment rule that decides a new lead's owner, or null when none holds. */
    static Rule assignment(List<Rule> rules, Facts facts, Instant now) {
        return rules.stream()
                .filter(rule -> LeadRule.ASSIGNMENT.equals(rule.kind()) && rule.enabled())
                .filter(rule -> holds(rule, facts, now))
                .findFirst()
                .orElse(null);
    }

    private static boolean holds(Rule rule, Facts facts, Instant now) {
        return rule.condition() == null
                || LeadFields.condition(rule.condition(), "condition", now).test(facts);
    }
}
