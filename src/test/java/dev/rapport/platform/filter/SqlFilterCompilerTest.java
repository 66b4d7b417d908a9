package dev.rapport.platform.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.filter.FilterField.FieldType;
import io.vertx.mutiny.sqlclient.Tuple;

/** The SQL text and bound values of each operator and field type, and the filters that are refused. */
class SqlFilterCompilerTest {

    private static final SqlFilterCompiler COMPILER = new SqlFilterCompiler(List.of(
            FilterField.of("givenName", "c.given_name", FieldType.TEXT),
            FilterField.of("email", "c.primary_email", FieldType.TEXT, s -> s.toLowerCase(Locale.ROOT)),
            FilterField.of("birthday", "c.birthday", FieldType.DATE),
            FilterField.of("createdAt", "c.created_at", FieldType.TIMESTAMP),
            FilterField.of("amount", "p.amount", FieldType.NUMBER),
            FilterField.of(
                    "tags", "c.tags", FieldType.STRING_ARRAY, s -> s.trim().toLowerCase(Locale.ROOT)),
            FilterField.of("attributes", "c.attributes", FieldType.ATTRIBUTES)));

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-01T12:00:00Z");

    private static final String FIELDS = "amount, attributes.<key>, birthday, createdAt, email, givenName, tags";

    /** A compiled condition: its SQL text and the values bound to $1, $2, ... */
    record Compiled(String sql, List<Object> values) {}

    private static Compiled compile(String filter) {
        SqlParams params = new SqlParams();
        String sql = COMPILER.compile(filter, params, NOW);
        return new Compiled(sql, values(params));
    }

    private static List<Object> values(SqlParams params) {
        Tuple tuple = params.tuple();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < tuple.size(); i++) {
            values.add(tuple.getValue(i));
        }
        return values;
    }

    private static Compiled sqlOf(String sql, Object... values) {
        return new Compiled(sql, List.of(values));
    }

    @Test
    void textComparesWithEachOperator() {
        assertThat(compile("givenName==Ada")).isEqualTo(sqlOf("c.given_name = $1", "Ada"));
        assertThat(compile("givenName!=Ada")).isEqualTo(sqlOf("c.given_name <> $1", "Ada"));
        assertThat(compile("givenName=lt=M")).isEqualTo(sqlOf("c.given_name collate \"C\" < $1", "M"));
        assertThat(compile("givenName=le=M")).isEqualTo(sqlOf("c.given_name collate \"C\" <= $1", "M"));
        assertThat(compile("givenName=gt=M")).isEqualTo(sqlOf("c.given_name collate \"C\" > $1", "M"));
        assertThat(compile("givenName=ge=M")).isEqualTo(sqlOf("c.given_name collate \"C\" >= $1", "M"));
        assertThat(compile("givenName<M")).isEqualTo(sqlOf("c.given_name collate \"C\" < $1", "M"));
        assertThat(compile("givenName>=M")).isEqualTo(sqlOf("c.given_name collate \"C\" >= $1", "M"));
        assertThat(compile("givenName=in=(Ada,Grace)")).isEqualTo(sqlOf("c.given_name in ($1, $2)", "Ada", "Grace"));
        assertThat(compile("givenName=out=(Ada,Grace)"))
                .isEqualTo(sqlOf("c.given_name not in ($1, $2)", "Ada", "Grace"));
    }

    @Test
    void aStarInAnEqualityIsAWildcardAndLikeCharactersAreLiteral() {
        assertThat(compile("givenName==Ad*")).isEqualTo(sqlOf("c.given_name ilike $1", "Ad%"));
        assertThat(compile("givenName!=*da")).isEqualTo(sqlOf("not (c.given_name ilike $1)", "%da"));
        assertThat(compile("givenName==50%_off*")).isEqualTo(sqlOf("c.given_name ilike $1", "50\\%\\_off%"));
        assertThat(compile("givenName==a\\b*")).isEqualTo(sqlOf("c.given_name ilike $1", "a\\\\b%"));
        assertThat(compile("givenName=='Ada *'")).isEqualTo(sqlOf("c.given_name ilike $1", "Ada %"));
    }

    @Test
    void aStarOutsideAnEqualityIsLiteral() {
        assertThat(compile("givenName=in=(Ad*,Gr*)")).isEqualTo(sqlOf("c.given_name in ($1, $2)", "Ad*", "Gr*"));
        assertThat(compile("givenName=ge=A*")).isEqualTo(sqlOf("c.given_name collate \"C\" >= $1", "A*"));
    }

    @Test
    void aFieldsNormalizerAppliesToItsArguments() {
        assertThat(compile("email==Ada@Example.COM")).isEqualTo(sqlOf("c.primary_email = $1", "ada@example.com"));
        assertThat(compile("email=in=(A@X.ORG,b@x.org)"))
                .isEqualTo(sqlOf("c.primary_email in ($1, $2)", "a@x.org", "b@x.org"));
    }

    @Test
    void valuesAreBoundNeverWrittenIntoTheSql() {
        assertThat(compile("givenName==\"x' or '1'='1\"")).isEqualTo(sqlOf("c.given_name = $1", "x' or '1'='1"));
        assertThat(compile("givenName=='); drop table customer; --'"))
                .isEqualTo(sqlOf("c.given_name = $1", "); drop table customer; --"));
    }

    @Test
    void datesAreBoundAsLocalDates() {
        assertThat(compile("birthday=ge=1815-12-10")).isEqualTo(sqlOf("c.birthday >= $1", LocalDate.of(1815, 12, 10)));
        assertThat(compile("birthday=in=(1815-12-10,1906-12-09)"))
                .isEqualTo(sqlOf("c.birthday in ($1, $2)", LocalDate.of(1815, 12, 10), LocalDate.of(1906, 12, 9)));
    }

    @Test
    void timestampsAreInstantsOrDatesAtMidnightUtc() {
        assertThat(compile("createdAt=ge=2026-01-01"))
                .isEqualTo(sqlOf("c.created_at >= $1", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertThat(compile("createdAt=lt=2026-01-01T10:15:30+02:00"))
                .isEqualTo(sqlOf(
                        "c.created_at < $1", OffsetDateTime.of(2026, 1, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2))));
        assertThat(compile("createdAt==2026-01-01T10:15:30.250Z"))
                .isEqualTo(sqlOf(
                        "c.created_at = $1", OffsetDateTime.of(2026, 1, 1, 10, 15, 30, 250_000_000, ZoneOffset.UTC)));
    }

    @Test
    void numbersAreBoundAsExactDecimals() {
        assertThat(compile("amount=gt=10.50"))
                .isEqualTo(sqlOf("p.amount > cast($1 as numeric)", new BigDecimal("10.50")));
        assertThat(compile("amount=out=(1,-2.5)"))
                .isEqualTo(sqlOf(
                        "p.amount not in (cast($1 as numeric), cast($2 as numeric))",
                        new BigDecimal("1"),
                        new BigDecimal("-2.5")));
    }

    @Test
    void stringArraysMatchAnyOfTheValuesByOverlap() {
        assertThat(compile("tags==VIP")).isEqualTo(sqlOf("(c.tags && array[cast($1 as text)])", "vip"));
        assertThat(compile("tags!=vip")).isEqualTo(sqlOf("not (c.tags && array[cast($1 as text)])", "vip"));
        assertThat(compile("tags=in=(vip,Poet)"))
                .isEqualTo(sqlOf("(c.tags && array[cast($1 as text), cast($2 as text)])", "vip", "poet"));
        assertThat(compile("tags=out=(vip,poet)"))
                .isEqualTo(sqlOf("not (c.tags && array[cast($1 as text), cast($2 as text)])", "vip", "poet"));
    }

    @Test
    void attributeEqualityIsContainmentOfTheTextAndTypedForms() {
        String probe = "c.attributes @> cast(cast($%d as text) as jsonb)";
        assertThat(compile("attributes.segment==b2b"))
                .isEqualTo(sqlOf("(" + probe.formatted(1) + ")", "{\"segment\":\"b2b\"}"));
        assertThat(compile("attributes.score==42"))
                .isEqualTo(sqlOf(
                        "(" + probe.formatted(1) + " or " + probe.formatted(2) + ")",
                        "{\"score\":\"42\"}",
                        "{\"score\":42}"));
        assertThat(compile("attributes.vip==true"))
                .isEqualTo(sqlOf(
                        "(" + probe.formatted(1) + " or " + probe.formatted(2) + ")",
                        "{\"vip\":\"true\"}",
                        "{\"vip\":true}"));
        assertThat(compile("attributes.score!=4.5"))
                .isEqualTo(sqlOf(
                        "not (" + probe.formatted(1) + " or " + probe.formatted(2) + ")",
                        "{\"score\":\"4.5\"}",
                        "{\"score\":4.5}"));
        assertThat(compile("attributes.segment=in=(b2b,b2c)"))
                .isEqualTo(sqlOf(
                        "(" + probe.formatted(1) + " or " + probe.formatted(2) + ")",
                        "{\"segment\":\"b2b\"}",
                        "{\"segment\":\"b2c\"}"));
        assertThat(compile("attributes.segment=out=(b2b)"))
                .isEqualTo(sqlOf("not (" + probe.formatted(1) + ")", "{\"segment\":\"b2b\"}"));
    }

    @Test
    void attributeValuesWithQuotesStayValidJson() {
        assertThat(compile("attributes.nick=='say \"hi\"'"))
                .isEqualTo(sqlOf("(c.attributes @> cast(cast($1 as text) as jsonb))", "{\"nick\":\"say \\\"hi\\\"\"}"));
    }

    @Test
    void attributeOrderingComparesNumbersAsNumbersAndTextAsText() {
        assertThat(compile("attributes.score=gt=40"))
                .isEqualTo(sqlOf(
                        "(case when jsonb_typeof(c.attributes -> cast($1 as text)) = 'number' then cast(c.attributes ->> "
                                + "cast($1 as text) as numeric) end) > $2",
                        "score",
                        new BigDecimal("40")));
        assertThat(compile("attributes.segment=le=b2b"))
                .isEqualTo(sqlOf(
                        "(case when jsonb_typeof(c.attributes -> cast($1 as text)) = 'string' then c.attributes ->> "
                                + "cast($1 as text) end) collate \"C\" <= $2",
                        "segment",
                        "b2b"));
    }

    @Test
    void andBindsTighterThanOrAndBracketsGroup() {
        assertThat(compile("givenName==Ada;email==ada@example.com"))
                .isEqualTo(sqlOf("(c.given_name = $1 and c.primary_email = $2)", "Ada", "ada@example.com"));
        assertThat(compile("givenName==Ada,givenName==Grace;tags==vip"))
                .isEqualTo(sqlOf(
                        "(c.given_name = $1 or (c.given_name = $2 and (c.tags && array[cast($3 as text)])))",
                        "Ada",
                        "Grace",
                        "vip"));
        assertThat(compile("(givenName==Ada,givenName==Grace);tags==vip"))
                .isEqualTo(sqlOf(
                        "((c.given_name = $1 or c.given_name = $2) and (c.tags && array[cast($3 as text)]))",
                        "Ada",
                        "Grace",
                        "vip"));
    }

    @Test
    void placeholdersContinueAfterValuesAlreadyBound() {
        SqlParams params = new SqlParams();
        assertThat(params.bind("acme")).isEqualTo("$1");

        String sql = COMPILER.compile("givenName==Ada;amount=ge=3", params, NOW);

        assertThat(sql).isEqualTo("(c.given_name = $2 and p.amount >= cast($3 as numeric))");
        assertThat(params.bind(null)).isEqualTo("$4");
        assertThat(values(params)).containsExactly("acme", "Ada", new BigDecimal("3"), null);
    }

    @Test
    void unknownFieldsAreRefusedNamingTheFilterableOnes() {
        assertInvalid("nickname==x", "unknown field 'nickname'; filterable fields are " + FIELDS);
        assertInvalid("attributes==x", "unknown field 'attributes'; filterable fields are " + FIELDS);
        assertInvalid("givenName.first==x", "unknown field 'givenName.first'; filterable fields are " + FIELDS);
        assertInvalid("c.given_name==x", "unknown field 'c.given_name'; filterable fields are " + FIELDS);
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertInvalid("birthday==yesterday", "'birthday' needs an ISO-8601 date, not 'yesterday'");
        assertInvalid("birthday==2026-02-30", "'birthday' needs an ISO-8601 date, not '2026-02-30'");
        assertInvalid("birthday=in=(1815-12-10,soon)", "'birthday' needs an ISO-8601 date, not 'soon'");
        assertInvalid("createdAt>soon", "'createdAt' needs an ISO-8601 date or timestamp, not 'soon'");
        assertInvalid("createdAt>2026-13-01", "'createdAt' needs an ISO-8601 date or timestamp, not '2026-13-01'");
        assertInvalid(
                "createdAt>2026-01-01T10:00",
                "'createdAt' needs an ISO-8601 date or timestamp, " + "not '2026-01-01T10:00'");
        assertInvalid("amount==ten", "'amount' needs a number, not 'ten'");
    }

    @Test
    void operatorsAFieldTypeCannotTakeAreRefused() {
        assertInvalid("tags=gt=vip", "'tags' supports ==, !=, =in= and =out= only");
        assertInvalid("tags=le=vip", "'tags' supports ==, !=, =in= and =out= only");
    }

    @Test
    void badAttributeKeysAreRefused() {
        assertInvalid("attributes.1st==x", "'attributes.1st' is not a valid attribute name");
        assertInvalid("attributes.a-b==x", "'attributes.a-b' is not a valid attribute name");
        assertInvalid("attributes.a.b==x", "'attributes.a.b' is not a valid attribute name");
        assertInvalid("attributes.==x", "'attributes.' is not a valid attribute name");
        assertInvalid(
                "attributes.a" + "b".repeat(64) + "=gt=1",
                "'attributes.a" + "b".repeat(64) + "' is not a valid attribute name");
    }

    @Test
    void syntaxErrorsNameTheColumnAndTheGrammar() {
        String grammar = "; expected selector, operator (==, !=, =lt=, =le=, =gt=, =ge=, =in=, =out=) and value, "
                + "joined by ; (and) or , (or)";
        assertInvalid("givenName==", "unexpected input at column 11" + grammar);
        assertInvalid("givenName==Ada;", "unexpected input at column 15" + grammar);
        assertInvalid("==Ada", "unexpected input at column 1" + grammar);
        assertInvalid("givenName=like=Ada", "unknown operator =like=");
    }

    @Test
    void filtersLongerThanTheLimitAreRefusedBeforeParsing() {
        String longest = "givenName==" + "a".repeat(FilterParser.MAX_LENGTH - "givenName==".length());
        assertThat(longest).hasSize(2000);
        assertThat(compile(longest).sql()).isEqualTo("c.given_name = $1");

        assertInvalid(longest + "a", "the filter is longer than 2000 characters");
    }

    private static void assertInvalid(String filter, String message) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> compile(filter));
        assertThat(e).as("refused: %s", filter).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_FILTER);
        assertThat(e.getMessage()).isEqualTo("Invalid filter: " + message);
        assertThat(e.errors()).containsExactly(new FieldError("filter", message));
    }
}
