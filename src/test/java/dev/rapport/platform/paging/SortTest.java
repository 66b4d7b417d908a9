package dev.rapport.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;

class SortTest {

    static final Sort.SortField CREATED_AT = new Sort.SortField("createdAt", "c.created_at", Sort.Kind.TIMESTAMP);
    static final Sort.SortField FAMILY_NAME =
            new Sort.SortField("familyName", "coalesce(lower(c.family_name), '')", Sort.Kind.TEXT);
    static final Map<String, Sort.SortField> SORTS = Map.of("createdAt", CREATED_AT, "familyName", FAMILY_NAME);
    static final Sort NEWEST_FIRST = new Sort(CREATED_AT, true);

    @Test
    void noSortIsTheDefault() {
        assertThat(Sort.parse(null, SORTS, NEWEST_FIRST)).isSameAs(NEWEST_FIRST);
        assertThat(Sort.parse("", SORTS, NEWEST_FIRST)).isSameAs(NEWEST_FIRST);
        assertThat(Sort.parse("  ", SORTS, NEWEST_FIRST)).isSameAs(NEWEST_FIRST);
    }

    @Test
    void aMinusSortsDescendingAndAPlusOrNothingAscending() {
        assertThat(Sort.parse("familyName", SORTS, NEWEST_FIRST)).isEqualTo(new Sort(FAMILY_NAME, false));
        assertThat(Sort.parse("+familyName", SORTS, NEWEST_FIRST)).isEqualTo(new Sort(FAMILY_NAME, false));
        assertThat(Sort.parse("-familyName", SORTS, NEWEST_FIRST)).isEqualTo(new Sort(FAMILY_NAME, true));
        assertThat(Sort.parse(" -createdAt ", SORTS, NEWEST_FIRST)).isEqualTo(new Sort(CREATED_AT, true));
    }

    @Test
    void aSortIsWrittenAsItIsParsed() {
        assertThat(new Sort(CREATED_AT, true)).hasToString("-createdAt");
        assertThat(new Sort(FAMILY_NAME, false)).hasToString("familyName");
        assertThat(Sort.parse(Sort.parse("+familyName", SORTS, NEWEST_FIRST).toString(), SORTS, NEWEST_FIRST))
                .isEqualTo(new Sort(FAMILY_NAME, false));
    }

    @Test
    void onlyTheAllowedFieldsSort() {
        assertRefused("givenName", "cannot sort by 'givenName'; sortable fields are createdAt, familyName");
        assertRefused("--createdAt", "cannot sort by '-createdAt'; sortable fields are createdAt, familyName");
        assertRefused("-", "cannot sort by ''; sortable fields are createdAt, familyName");
        assertRefused("createdat", "cannot sort by 'createdat'; sortable fields are createdAt, familyName");
        assertRefused("c.created_at", "cannot sort by 'c.created_at'; sortable fields are createdAt, familyName");
    }

    private static void assertRefused(String sort, String message) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> Sort.parse(sort, SORTS, NEWEST_FIRST));
        assertThat(e).as("refused: %s", sort).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.errors()).containsExactly(new FieldError("sort", message));
    }
}
