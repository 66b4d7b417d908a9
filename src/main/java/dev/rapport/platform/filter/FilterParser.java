package dev.rapport.platform.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cz.jirutka.rsql.parser.RSQLParser;
import cz.jirutka.rsql.parser.RSQLParserException;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.LogicalNode;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.RSQLOperators;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem;
import dev.rapport.platform.error.ProblemType;

/** Parses RSQL/FIQL filter expressions ({@code tags==vip;createdAt=ge=2026-01-01}) into a syntax tree. */
public final class FilterParser {

    public static final int MAX_LENGTH = 2000;
    private static final RSQLParser PARSER = new RSQLParser(Set.copyOf(RSQLOperators.defaultOperators()));

    private FilterParser() {}

    public static Node parse(String filter) {
        if (filter.length() > MAX_LENGTH) {
            throw invalid("the filter is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return PARSER.parse(filter);
        } catch (RSQLParserException e) {
            throw invalid(describe(e));
        }
    }

    /** The comparisons of a filter tree, in the order they are written. */
    public static List<ComparisonNode> comparisons(Node node) {
        List<ComparisonNode> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(Node node, List<ComparisonNode> found) {
        if (node instanceof ComparisonNode comparison) {
            found.add(comparison);
        } else if (node instanceof LogicalNode logical) {
            logical.getChildren().forEach(child -> collect(child, found));
        }
    }

    /** A filter refused, and why: the problem every compiler throws. */
    public static DomainException invalid(String message) {
        return new DomainException(
                ProblemType.INVALID_FILTER,
                "Invalid filter: " + message,
                List.of(new Problem.FieldError("filter", message)));
    }

    /**
     * The invalid-filter {@code problem} told of the request field {@code field} that holds the expression (a
     * segment's {@code rule}, a trigger's {@code condition}) instead of {@code filter}; any other problem as it is.
     */
    public static DomainException naming(DomainException problem, String field) {
        if (problem.type() != ProblemType.INVALID_FILTER) {
            return problem;
        }
        String message = problem.errors().isEmpty()
                ? problem.getMessage()
                : problem.errors().get(0).message();
        return new DomainException(
                ProblemType.INVALID_FILTER,
                "Invalid " + field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile("column (\\d+)");

    private static String describe(RSQLParserException e) {
        Throwable cause = e.getCause();
        if (cause instanceof cz.jirutka.rsql.parser.UnknownOperatorException unknown) {
            return "unknown operator " + unknown.getOperator();
        }
        if (cause != null && cause.getMessage() != null) {
            java.util.regex.Matcher column = COLUMN.matcher(cause.getMessage());
            if (column.find()) {
                return "unexpected input at column " + column.group(1)
                        + "; expected selector, operator (==, !=, =lt=, =le=, =gt=, =ge=, =in=, =out=) and value, "
                        + "joined by ; (and) or , (or)";
            }
        }
        return "the expression cannot be parsed";
    }
}
