package dev.rapport.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;

class CursorTest {

    private static final UUID ID = UUID.fromString("0190c4e4-8c4e-7000-8000-000000000001");

    @Test
    void aCursorIsItsSortIdAndKeyInUrlSafeBase64WithoutPadding() {
        String encoded = new Cursor("-createdAt", "2026-01-01T10:00:00+01:00", ID).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo("-createdAt\n" + ID + "\n2026-01-01T10:00:00+01:00");
    }

    @Test
    void decodingGivesBackTheCursor() {
        Cursor cursor = new Cursor("familyName", "lövelace & co/?+", ID);

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aKeyMayHoldTheSeparator() {
        Cursor cursor = new Cursor("familyName", "two\nlines", ID);

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aMissingKeyComesBackEmpty() {
        assertThat(Cursor.decode(new Cursor("givenName", null, ID).encode()))
                .isEqualTo(new Cursor("givenName", "", ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense!", "", "bm8gc2VwYXJhdG9y", "b25lCnR3bw", "cwpub3QtYS11dWlkCms"})
    void whatThisApiDidNotWriteIsRefused(String encoded) {
        // bm8gc2VwYXJhdG9y: "no separator"; b25lCnR3bw: "one\ntwo"; cwpub3QtYS11dWlkCms: "s\nnot-a-uuid\nk"
        assertRefused(() -> Cursor.decode(encoded));
    }

    @Test
    void theKeyOfATimeSortedListIsAPointInTime() {
        assertThat(new Cursor("createdAt", "2026-01-01T10:00:00.123456Z", ID).timeKey())
                .isEqualTo(OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertRefused(() -> new Cursor("createdAt", "Ada", ID).timeKey());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.getMessage()).isEqualTo("after: is not a cursor returned by this API");
        assertThat(e.errors()).containsExactly(new FieldError("after", "is not a cursor returned by this API"));
    }
}
