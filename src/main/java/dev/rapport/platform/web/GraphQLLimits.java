package dev.rapport.platform.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.GraphQLErrors;
import dev.rapport.platform.error.ProblemType;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.graphql.spi.EventingService;

/**
 * Bounds what one GraphQL request may cost, before and while it runs, so that no single request can take a replica
 * down. Before execution: the depth of its selections ({@code rapport.graphql.max-depth}) and its complexity
 * ({@code max-complexity}), in which every field counts 1 and the fields below a list count once per element the
 * list may have, so that aliases and nested pages multiply as they would in the answer (graphql-java's
 * {@link QueryComplexityCalculator} and {@link QueryTraverser} over the document). While it runs: the number of
 * fields in the answer ({@code max-answer-fields}), whatever the data holds. What exceeds a bound is refused with
 * {@code query-too-complex}; every error of the result then gets its code ({@link GraphQLErrors}).
 * <p>
 * One instrumentation does all of it: graphql-java calls every instrumentation of a chain for every field, so each
 * one more costs a page of customers measurably (bench/FINDINGS.md, 2026-12-01 26cac8a). Plugged in through SmallRye
 * GraphQL's {@link EventingService} SPI ({@code META-INF/services}), beside SmallRye's own instrumentation, which it
 * keeps.
 */
public class GraphQLLimits implements EventingService {

    /** Always on: no configuration key switches the limits off. */
    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        RapportConfig.Graphql config = ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getConfigMapping(RapportConfig.class)
                .graphql();
        GraphQL smallrye = builder.build();
        return builder.instrumentation(new ChainedInstrumentation(List.of(
                smallrye.getInstrumentation(),
                new Bounds(config.maxDepth(), config.maxComplexity(), config.listSize(), config.maxAnswerFields()))));
    }

    /** A request refused by a bound, reported with the {@code query-too-complex} code. */
    static AbortExecutionException refused(String message) {
        return new AbortExecutionException(message) {
            @Override
            public Map<String, Object> getExtensions() {
                return Map.of("code", ProblemType.QUERY_TOO_COMPLEX.code());
            }
        };
    }

    /** The bounds of one request, and the coding of its errors. */
    static final class Bounds extends SimplePerformantInstrumentation {

        private final int maxDepth;
        private final int maxComplexity;
        private final Cost cost;
        private final int maxAnswerFields;

        Bounds(int maxDepth, int maxComplexity, int listSize, int maxAnswerFields) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.cost = new Cost(listSize);
            this.maxAnswerFields = maxAnswerFields;
        }

        /** The fields of one answer fetched so far. */
        private static final class Fields implements InstrumentationState {
            final AtomicInteger fetched = new AtomicInteger();
            final AtomicBoolean reported = new AtomicBoolean();
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Fields();
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            int depth = QueryTraverser.newQueryTraverser()
                    .schema(execution.getGraphQLSchema())
                    .document(execution.getDocument())
                    .operationName(execution.getExecutionInput().getOperationName())
                    .coercedVariables(execution.getCoercedVariables())
                    .build()
                    .reducePreOrder((field, deepest) -> Math.max(deepest, depthOf(field)), 0);
            if (depth > maxDepth) {
                throw refused("The query nests " + depth + " levels deep; at most " + maxDepth + " are allowed");
            }
            int complexity = QueryComplexityCalculator.newCalculator()
                    .fieldComplexityCalculator(cost)
                    .schema(execution.getGraphQLSchema())
                    .document(execution.getDocument())
                    .operationName(execution.getExecutionInput().getOperationName())
                    .variables(execution.getCoercedVariables())
                    .build()
                    .calculate();
            if (complexity > maxComplexity) {
                throw refused("The query costs " + complexity + " (every field 1, times the elements of the lists"
                        + " above it); at most " + maxComplexity + " is allowed: ask for fewer fields, aliases or"
                        + " elements");
            }
            return null;
        }

        private static int depthOf(QueryVisitorFieldEnvironment field) {
            int depth = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                    parent != null;
                    parent = parent.getParentEnvironment()) {
                depth++;
            }
            return depth;
        }

        /**
         * Counts the fields of an answer as they are fetched; past the bound, fields answer null and the first of
         * them carries the refusal, so the answer stops growing.
         */
        @Override
        public DataFetcher<?> instrumentDataFetcher(
                DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            Fields fields = (Fields) state;
            if (fields.fetched.incrementAndGet() <= maxAnswerFields) {
                return fetcher;
            }
            return environment -> {
                if (!fields.reported.compareAndSet(false, true)) {
                    return null;
                }
                return DataFetcherResult.newResult()
                        .error(GraphqlErrorBuilder.newError(environment)
                                .message("The answer holds more than " + maxAnswerFields
                                        + " fields; the fields beyond are null: ask for fewer fields, aliases or"
                                        + " elements")
                                .extensions(Map.of("code", ProblemType.QUERY_TOO_COMPLEX.code()))
                                .build())
                        .build();
            };
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(
                ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return CompletableFuture.completedFuture(GraphQLErrors.coded(result));
        }
    }

    /**
     * A field costs 1 plus its selections, once per element when it is a list: as many as its {@code limit}, or
     * the {@code limit} of the field above it (a page's {@code data}), or {@code listSize} for other lists of
     * objects. Saturates rather than overflows.
     */
    static final class Cost implements FieldComplexityCalculator {

        private final int listSize;

        Cost(int listSize) {
            this.listSize = listSize;
        }

        @Override
        public int calculate(FieldComplexityEnvironment field, int childComplexity) {
            long elements = isList(field.getFieldDefinition().getType()) && childComplexity > 0 ? elements(field) : 1;
            return (int) Math.min(Integer.MAX_VALUE, 1 + elements * childComplexity);
        }

        private long elements(FieldComplexityEnvironment field) {
            Integer own = limit(field);
            if (own != null) {
                return own;
            }
            Integer page = field.getParentEnvironment() == null ? null : limit(field.getParentEnvironment());
            return page != null ? page : listSize;
        }

        /** The field's {@code limit} argument as given, or its default; null when it has none. */
        private static Integer limit(FieldComplexityEnvironment field) {
            if (field.getArguments().get("limit") instanceof Number given) {
                return (int) Math.max(1, Math.min(Integer.MAX_VALUE, given.longValue()));
            }
            GraphQLArgument declared = field.getFieldDefinition().getArgument("limit");
            if (declared != null && declared.hasSetDefaultValue()) {
                Object value = declared.getArgumentDefaultValue().getValue();
                return value instanceof Number n ? n.intValue() : null;
            }
            return null;
        }

        private static boolean isList(GraphQLType type) {
            return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
        }
    }
}
