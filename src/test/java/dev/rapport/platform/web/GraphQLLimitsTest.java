package dev.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/** The cost and answer bounds on a small schema of their own: pages with a limit, lists without one. */
class GraphQLLimitsTest {

    private static final String SDL = """
            type Query { page(limit: Int = 20): Page, tags: [Tag] }
            type Page { hasMore: Boolean, data: [Item] }
            type Item { n: Int, parts(limit: Int = 5): [Part], tags: [Tag] }
            type Part { n: Int }
            type Tag { name: String }
            """;

    private static GraphQL graphQL(int maxComplexity, int maxAnswerFields) {
        List<Map<String, Object>> items = IntStream.range(0, 100)
                .mapToObj(n -> Map.<String, Object>of("n", n, "parts", List.of(Map.of("n", 1)), "tags", List.of()))
                .toList();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        type -> type.dataFetcher("page", env -> Map.of("hasMore", false, "data", items))
                                .dataFetcher("tags", env -> List.of()))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema)
                .instrumentation(new GraphQLLimits.Bounds(15, maxComplexity, 10, maxAnswerFields))
                .build();
    }

    private static String complexityOf(String query) {
        ExecutionResult result = graphQL(1, Integer.MAX_VALUE).execute(query);
        String message = result.getErrors().get(0).getMessage();
        return message.substring("The query costs ".length(), message.indexOf(' ', "The query costs ".length()));
    }

    @Test
    void aPageCountsItsFieldsOncePerElementOfItsLimit() {
        // page 1 + hasMore 1 + data (1 + 3 elements x n 1)
        assertThat(complexityOf("{ page(limit: 3) { hasMore data { n } } }")).isEqualTo("6");
        // the default limit counts when none is given
        assertThat(complexityOf("{ page { data { n } } }")).isEqualTo("22");
    }

    @Test
    void nestedListsAndAliasesMultiply() {
        // page 1 + data (1 + 10 elements x (n 1 + parts (1 + 4 elements x n 1)))
        assertThat(complexityOf("{ page(limit: 10) { data { n parts(limit: 4) { n } } } }"))
                .isEqualTo("62");
        assertThat(complexityOf("{ a: page(limit: 10) { data { n } } b: page(limit: 10) { data { n } } }"))
                .isEqualTo("24");
        // a list without a limit counts listSize (10) elements
        assertThat(complexityOf("{ tags { name } }")).isEqualTo("11");
    }

    @Test
    void anAnswerStopsGrowingAtItsBound() {
        ExecutionResult result = graphQL(Integer.MAX_VALUE, 50).execute("{ page(limit: 100) { data { n } } }");

        assertThat(result.getErrors()).hasSize(1);
        assertThat(result.getErrors().get(0).getExtensions()).containsEntry("code", "query-too-complex");
        Map<String, Map<String, List<Map<String, Object>>>> data = result.getData();
        List<Map<String, Object>> items = data.get("page").get("data");
        long answered = items.stream()
                .filter(item -> item != null && item.get("n") != null)
                .count();
        assertThat(answered).isLessThan(50);
    }

    @Test
    void withinTheBoundsNothingIsRefused() {
        ExecutionResult result = graphQL(1000, 1000).execute("{ page(limit: 100) { data { n } } }");
        assertThat(result.getErrors()).isEmpty();
    }
}
