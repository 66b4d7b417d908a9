package dev.rapport.platform.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.GraphQLErrors;
import dev.rapport.platform.error.ProblemType;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
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
 * list may have, so that aliases and nested pages multiply as they would in the answer. While it runs: the number of
 * fields in the answer ({@code max-answer-fields}), whatever the data holds. What exceeds a bound is refused with
 * {@code query-too-complex}, and {@link GraphQLErrors} gives every error its code.
 * <p>
 * Plugged in through SmallRye GraphQL's {@link EventingService} SPI ({@code META-INF/services}), around SmallRye's
 * own instrumentation, which it keeps.
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
                new DepthLimit(config.maxDepth()),
                new ComplexityLimit(config.maxComplexity(), new Cost(config.listSize())),
                new AnswerLimit(config.maxAnswerFields()),
                smallrye.getInstrumentation(),
                new GraphQLErrors())));
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

    static final class DepthLimit extends MaxQueryDepthInstrumentation {

        DepthLimit(int maxDepth) {
            super(maxDepth);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return refused("The query nests " + depth + " levels deep; at most " + maxDepth + " are allowed");
        }
    }

    static final class ComplexityLimit extends MaxQueryComplexityInstrumentation {

        ComplexityLimit(int maxComplexity, FieldComplexityCalculator cost) {
            super(maxComplexity, cost);
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return refused("The query costs " + complexity + " (every field 1, times the elements of the lists above"
                    + " it); at most " + maxComplexity + " is allowed: ask for fewer fields, aliases or elements");
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

    /**
     * Counts the fields of an answer as they are fetched; past the bound, fields answer null and the first of them
     * carries the refusal, so the answer stops growing.
     */
    static final class AnswerLimit extends SimplePerformantInstrumentation {

        private final int maxFields;

        AnswerLimit(int maxFields) {
            this.maxFields = maxFields;
        }

        private static final class Fields implements InstrumentationState {
            final AtomicInteger fetched = new AtomicInteger();
            final AtomicBoolean reported = new AtomicBoolean();
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Fields();
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(
                DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            Fields fields = (Fields) state;
            if (fields.fetched.incrementAndGet() <= maxFields) {
                return fetcher;
            }
            return environment -> {
                if (!fields.reported.compareAndSet(false, true)) {
                    return null;
                }
                return DataFetcherResult.newResult()
                        .error(GraphqlErrorBuilder.newError(environment)
                                .message("The answer holds more than " + maxFields
                                        + " fields; the fields beyond are null: ask for fewer fields, aliases or"
                                        + " elements")
                                .extensions(Map.of("code", ProblemType.QUERY_TOO_COMPLEX.code()))
                                .build())
                        .build();
            };
        }
    }
}
