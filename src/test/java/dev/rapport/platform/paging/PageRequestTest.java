package dev.rapport.platform.paging;

import static dev.rapport.platform.paging.SortTest.CREATED_AT;
import static dev.rapport.platform.paging.SortTest.FAMILY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.filter.SqlParams;
import io.vertx.mutiny.sqlclient.Tuple;

class PageRequestTest {

    private static final Sort NEWEST_FIRST = new Sort(CREATED_AT, true);
    private static final Sort BY_NAME = new Sort(FAMILY_NAME, false);
    private static final UUID ID = UUID.fromString("0190c4e4-8c4e-7000-8000-00000000000a");

    record Row(UUID id, String name) {}

    @Test
    void theLimitDefaultsToTwentyAndIsTrimmed() {
        assertThat(PageRequest.of(null, null, NEWEST_FIRST)).isEqualTo(new PageRequest(20, null, NEWEST_FIRST));
        assertThat(PageRequest.of("", null, NEWEST_FIRST).limit()).isEqualTo(20);
        assertThat(PageRequest.of("  ", null, NEWEST_FIRST).limit()).isEqualTo(20);
        assertThat(PageRequest.of(" 7 ", null, NEWEST_FIRST).limit()).isEqualTo(7);
        assertThat(PageRequest.of("1", null, NEWEST_FIRST).limit()).isEqualTo(1);
        assertThat(PageRequest.of("100", null, NEWEST_FIRST).limit()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "2147483647"})
    void limitsOutsideOneToAHundredAreRefused(String limit) {
        assertRefused(limit, null, NEWEST_FIRST, "limit", "must be between 1 and 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1.5", "99999999999", "0x10"})
    void limitsThatAreNoWholeNumberAreRefused(String limit) {
        assertRefused(limit, null, NEWEST_FIRST, "limit", "must be a whole number between 1 and 100");
    }

    @Test
    void aCursorOfTheSameSortIsTaken() {
        Cursor cursor = new Cursor("-createdAt", "2026-01-01T00:00Z", ID);

        assertThat(PageRequest.of("5", cursor.encode(), NEWEST_FIRST))
                .isEqualTo(new PageRequest(5, cursor, NEWEST_FIRST));
        assertThat(PageRequest.of("5", " ", NEWEST_FIRST).after()).isNull();
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String ascending = new Cursor("createdAt", "2026-01-01T00:00Z", ID).encode();
        assertRefused(
                null,
                ascending,
                NEWEST_FIRST,
                "after",
                "this cursor belongs to a list sorted by createdAt, not by -createdAt");
        String byName = new Cursor("familyName", "byron", ID).encode();
        assertRefused(
                null,
                byName,
                NEWEST_FIRST,
                "after",
                "this cursor belongs to a list sorted by familyName, not by -createdAt");
    }

    @Test
    void aCursorThisApiDidNotWriteIsRefused() {
        assertRefused("5", "nonsense!", NEWEST_FIRST, "after", "is not a cursor returned by this API");
    }

    @Test
    void theFirstPageStartsAnywhere() {
        SqlParams params = new SqlParams();

        assertThat(PageRequest.of(null, null, NEWEST_FIRST).keyset("c.id", params))
                .isEqualTo("true");
        assertThat(params.tuple().size()).isZero();
    }

    @Test
    void aDescendingPageStartsBelowItsCursorWithTheKeyAsATimestamp() {
        SqlParams params = new SqlParams();
        params.bind("partner");
        PageRequest page =
                PageRequest.of("5", new Cursor("-createdAt", "2026-01-01T10:00:00+02:00", ID).encode(), NEWEST_FIRST);

        assertThat(page.keyset("c.id", params)).isEqualTo("(c.created_at, c.id) < ($2, $3)");
        assertThat(values(params))
                .containsExactly("partner", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)), ID);
    }

    @Test
    void anAscendingPageStartsAboveItsCursorWithTheKeyAsText() {
        SqlParams params = new SqlParams();
        PageRequest page = PageRequest.of("5", new Cursor("familyName", "byron", ID).encode(), BY_NAME);

        assertThat(page.keyset("c.id", params)).isEqualTo("(coalesce(lower(c.family_name), ''), c.id) > ($1, $2)");
        assertThat(values(params)).containsExactly("byron", ID);
    }

    @Test
    void aTimeSortedCursorWithoutATimeIsRefused() {
        PageRequest page = PageRequest.of("5", new Cursor("-createdAt", "byron", ID).encode(), NEWEST_FIRST);

        DomainException e = catchThrowableOfType(DomainException.class, () -> page.keyset("c.id", new SqlParams()));
        assertThat(e).isNotNull();
        assertThat(e.errors()).containsExactly(new FieldError("after", "is not a cursor returned by this API"));
    }

    @Test
    void thePageIsOrderedByKeyThenIdWithOneRowMore() {
        assertThat(PageRequest.of("20", null, NEWEST_FIRST).orderAndLimit("c.id"))
                .isEqualTo(" order by c.created_at desc, c.id desc limit 21");
        assertThat(PageRequest.of("5", null, BY_NAME).orderAndLimit("c.id"))
                .isEqualTo(" order by coalesce(lower(c.family_name), '') asc, c.id asc limit 6");
        assertThat(PageRequest.of("100", null, BY_NAME).fetchSize()).isEqualTo(101);
    }

    @Test
    void anExtraRowMeansMoreFollowAndTheCursorIsTheLastRowOfThePage() {
        List<Row> rows = rows(4);
        PageRequest request = PageRequest.of("3", null, BY_NAME);

        Page<Row> page = request.page(rows, Row::name, Row::id);

        assertThat(page.data()).containsExactlyElementsOf(rows.subList(0, 3));
        assertThat(page.hasMore()).isTrue();
        assertThat(Cursor.decode(page.nextCursor()))
                .isEqualTo(new Cursor("familyName", "name-2", rows.get(2).id()));
        assertThat(PageRequest.of("3", page.nextCursor(), BY_NAME).after()).isEqualTo(Cursor.decode(page.nextCursor()));
    }

    @Test
    void withoutAnExtraRowThisIsTheLastPage() {
        PageRequest request = PageRequest.of("3", null, NEWEST_FIRST);

        Page<Row> full = request.page(rows(3), Row::name, Row::id);
        Page<Row> shorter = request.page(rows(1), Row::name, Row::id);
        Page<Row> empty = request.page(List.of(), Row::name, Row::id);

        assertThat(full).isEqualTo(new Page<>(rows(3), null, false));
        assertThat(shorter).isEqualTo(new Page<>(rows(1), null, false));
        assertThat(empty).isEqualTo(new Page<>(List.of(), null, false));
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsCursor() {
        Page<Row> page = PageRequest.of("1", null, BY_NAME).page(rows(2), Row::name, Row::id);

        Page<String> names = page.map(Row::name);

        assertThat(names).isEqualTo(new Page<>(List.of("name-0"), page.nextCursor(), true));
    }

    private static List<Row> rows(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Row(new UUID(0, i + 1), "name-" + i))
                .toList();
    }

    private static List<Object> values(SqlParams params) {
        Tuple tuple = params.tuple();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < tuple.size(); i++) {
            values.add(tuple.getValue(i));
        }
        return values;
    }

    private static void assertRefused(String limit, String after, Sort sort, String field, String message) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> PageRequest.of(limit, after, sort));
        assertThat(e).as("refused: limit %s, after %s", limit, after).isNotNull();
        assertThat(e.getMessage()).isEqualTo(field + ": " + message);
        assertThat(e.errors()).containsExactly(new FieldError(field, message));
    }
}
