package dev.rapport.platform.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void aSearchFindsTheTextAnywhereWithItsWildcardsAndEscapeCharacterTakenLiterally() {
        assertThat(SearchText.containing("100%_off")).isEqualTo("%100\\%\\_off%");
        assertThat(SearchText.containing("a\\b")).isEqualTo("%a\\\\b%");
        assertThat(SearchText.containing("\\%")).isEqualTo("%\\\\\\%%");
        assertThat(SearchText.containing("Plain Text*")).isEqualTo("%plain text*%");
        assertThat(SearchText.containing("  Zoë ")).isEqualTo("%zoe%");
    }
}
