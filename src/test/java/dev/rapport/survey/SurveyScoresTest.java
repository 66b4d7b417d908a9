package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The arithmetic of survey figures, against hand-computed values and as properties. */
class SurveyScoresTest {

    @Test
    void categoriesFollowTheNpsBands() {
        assertThat(SurveyScores.category(0)).isEqualTo("detractor");
        assertThat(SurveyScores.category(6)).isEqualTo("detractor");
        assertThat(SurveyScores.category(7)).isEqualTo("passive");
        assertThat(SurveyScores.category(8)).isEqualTo("passive");
        assertThat(SurveyScores.category(9)).isEqualTo("promoter");
        assertThat(SurveyScores.category(null)).isNull();
    }

    @Test
    void npsAndItsIntervalByHand() {
        // 4 promoters, 4 detractors of 10: NPS 0, half-width 1.96 · √(0.8 / 10) = 0.554
        assertThat(SurveyScores.nps(10, 4, 4)).containsExactly(0.0, -55.4, 55.4);
        // 30 promoters, 10 detractors of 60: NPS 33.3, half-width 1.96 · √((0.667 − 0.111) / 60) = 0.189
        assertThat(SurveyScores.nps(60, 30, 10)).containsExactly(33.3, 14.5, 52.2);
        assertThat(SurveyScores.nps(0, 0, 0)).containsExactly(null, null, null);
    }

    @Test
    void csatAndItsWilsonIntervalByHand() {
        assertThat(SurveyScores.csat(5, 3)).containsExactly(60.0, 23.1, 88.2);
        // all satisfied: the interval stays below 100 and above what 12 answers can promise
        assertThat(SurveyScores.csat(12, 12)).containsExactly(100.0, 75.8, 100.0);
    }

    @Property
    void theIntervalHoldsTheScoreAndStaysInRange(
            @ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(min = 0, max = 5000) int a,
            @ForAll @IntRange(min = 0, max = 5000) int b) {
        int promoters = Math.min(a, n);
        int detractors = Math.min(b, n - promoters);
        Double[] nps = SurveyScores.nps(n, promoters, detractors);
        assertThat(nps[1]).isLessThanOrEqualTo(nps[0]).isGreaterThanOrEqualTo(-100.0);
        assertThat(nps[2]).isGreaterThanOrEqualTo(nps[0]).isLessThanOrEqualTo(100.0);
        Double[] csat = SurveyScores.csat(n, promoters);
        assertThat(csat[1]).isLessThanOrEqualTo(csat[0]).isGreaterThanOrEqualTo(0.0);
        assertThat(csat[2]).isGreaterThanOrEqualTo(csat[0]).isLessThanOrEqualTo(100.0);
    }
}
