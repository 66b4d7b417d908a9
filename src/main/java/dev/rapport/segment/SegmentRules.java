package dev.rapport.segment;

import java.time.Instant;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.filter.SqlParams;

/** A segment rule checked against the facts: parsed, compiled once to find what is wrong, and named {@code rule}. */
final class SegmentRules {

    private SegmentRules() {}

    /**
     * The parsed rule, or an invalid-filter problem naming the field {@code field} and saying which part is wrong
     * (syntax, an unknown fact, a value of the wrong type).
     */
    static Node check(FactCatalog facts, String rule, String field, Instant now) {
        try {
            Node node = FilterParser.parse(rule);
            facts.sql(node, new SqlParams(), now);
            facts.predicate(node, now);
            return node;
        } catch (DomainException e) {
            throw FilterParser.naming(e, field);
        }
    }

    /** The parsed form of a rule that was checked when it was stored. */
    static Node parse(String rule) {
        return FilterParser.parse(rule);
    }
}
