package dev.rapport.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** JSON Merge Patch as RFC 7386 defines it (its appendix A examples), with one rule of ours: the patch is an object. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} patched with {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":"b"}                         | {"a":"c"}                    | {"a":"c"}
            {"a":"b"}                         | {"b":"c"}                    | {"a":"b","b":"c"}
            {"a":"b"}                         | {"a":null}                   | {}
            {"a":"b","b":"c"}                 | {"a":null}                   | {"b":"c"}
            {"a":["b"]}                       | {"a":"c"}                    | {"a":"c"}
            {"a":"c"}                         | {"a":["b"]}                  | {"a":["b"]}
            {"a":{"b":"c"}}                   | {"a":{"b":"d","c":null}}     | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}                 | {"a":[1]}                    | {"a":[1]}
            {"e":null}                        | {"a":1}                      | {"e":null,"a":1}
            [1,2]                             | {"a":"b","c":null}           | {"a":"b"}
            {}                                | {"a":{"bb":{"ccc":null}}}    | {"a":{"bb":{}}}
            """)
    void theExamplesOfRfc7386(String target, String patch, String result) throws Exception {
        assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(result));
    }

    @Test
    void nestedObjectsMergeAtEveryDepth() throws Exception {
        JsonNode target = json("""
                {"name":"Ada","address":{"city":"London","geo":{"lat":51.5,"lon":-0.1},"zip":"N1"},"tags":["a","b"]}
                """);
        JsonNode patch = json("""
                {"address":{"geo":{"lat":51.6},"zip":null,"country":"GB"},"tags":["c"]}
                """);

        assertThat(MergePatch.apply(target, patch)).isEqualTo(json("""
                {"name":"Ada","address":{"city":"London","geo":{"lat":51.6,"lon":-0.1},"country":"GB"},"tags":["c"]}
                """));
    }

    @Test
    void anObjectReplacesAScalarAndLosesItsNulls() throws Exception {
        assertThat(MergePatch.apply(json("{\"a\":\"x\"}"), json("{\"a\":{\"b\":null,\"c\":1}}")))
                .isEqualTo(json("{\"a\":{\"c\":1}}"));
    }

    @Test
    void removingAFieldThatIsNotThereChangesNothing() throws Exception {
        assertThat(MergePatch.apply(json("{\"a\":1}"), json("{\"b\":null}"))).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void anEmptyPatchChangesNothing() throws Exception {
        assertThat(MergePatch.apply(json("{\"a\":{\"b\":[1]}}"), json("{}"))).isEqualTo(json("{\"a\":{\"b\":[1]}}"));
    }

    @Test
    void aMissingTargetIsAnEmptyObject() throws Exception {
        assertThat(MergePatch.apply(null, json("{\"a\":1,\"b\":null}"))).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void theTargetIsNotChanged() throws Exception {
        JsonNode target = json("{\"a\":{\"b\":\"c\"},\"d\":1}");

        MergePatch.apply(target, json("{\"a\":{\"b\":\"x\"},\"d\":null}"));

        assertThat(target).isEqualTo(json("{\"a\":{\"b\":\"c\"},\"d\":1}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ["c","d"]
            null
            "bar"
            42
            true
            """)
    void aPatchThatIsNotAnObjectIsRefused(String patch) throws Exception {
        DomainException e =
                catchThrowableOfType(DomainException.class, () -> MergePatch.apply(json("{\"a\":\"b\"}"), json(patch)));

        assertThat(e).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(e.getMessage()).isEqualTo("A merge patch must be a JSON object naming the fields to change");
    }

    @Test
    void noPatchAtAllIsRefused() {
        DomainException e =
                catchThrowableOfType(DomainException.class, () -> MergePatch.apply(JSON.createObjectNode(), null));

        assertThat(e).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void changedFieldsAreTheTopLevelFieldsThatDifferInTheOrderOfTheResultThenTheRemovedOnes() throws Exception {
        JsonNode before = json("{\"a\":1,\"b\":2,\"c\":{\"x\":1},\"d\":[1],\"e\":\"same\"}");
        JsonNode after = json("{\"e\":\"same\",\"d\":[1,2],\"c\":{\"x\":2},\"a\":1,\"f\":true}");

        assertThat(MergePatch.changedFields(before, after)).containsExactly("d", "c", "f", "b");
    }

    @Test
    void aPatchThatSetsTheCurrentValuesChangesNoField() throws Exception {
        JsonNode before = json("{\"givenName\":\"Ada\",\"tags\":[\"vip\"],\"attributes\":{\"score\":42}}");
        JsonNode after = MergePatch.apply(before, json("{\"givenName\":\"Ada\",\"attributes\":{\"score\":42}}"));

        assertThat(MergePatch.changedFields(before, after)).isEmpty();
    }

    @Test
    void aNullValueAndAMissingFieldDiffer() throws Exception {
        assertThat(MergePatch.changedFields(json("{\"a\":null}"), json("{}"))).containsExactly("a");
        assertThat(MergePatch.changedFields(json("{}"), json("{\"a\":null}"))).containsExactly("a");
        assertThat(MergePatch.changedFields(json("{\"a\":null}"), json("{\"a\":null}")))
                .isEmpty();
    }

    @Test
    void changedFieldsOfAPatchAreTheFieldsItReallyChanged() throws Exception {
        JsonNode before = json("{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"locale\":\"en-GB\"}");
        JsonNode after = MergePatch.apply(
                before, json("{\"givenName\":\"Ada\",\"familyName\":\"Byron\",\"locale\":null,\"timeZone\":null}"));

        assertThat(after).isEqualTo(json("{\"givenName\":\"Ada\",\"familyName\":\"Byron\"}"));
        assertThat(MergePatch.changedFields(before, after)).containsExactly("familyName", "locale");
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }
}
