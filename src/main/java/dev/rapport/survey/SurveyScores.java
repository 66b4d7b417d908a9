package dev.rapport.survey;

import dev.rapport.survey.api.SurveyFigures;

/**
 * The arithmetic of survey figures: an NPS answer's category, NPS and CSAT with their 95 % confidence intervals, the
 * CES mean and the response rate, each rounded to one decimal.
 */
final class SurveyScores {

    static final String PROMOTER = "promoter";
    static final String PASSIVE = "passive";
    static final String DETRACTOR = "detractor";

    /** The normal quantile of a two-sided 95 % interval. */
    private static final double Z = 1.959963984540054;

    private SurveyScores() {}

    /** promoter (9-10), passive (7-8) or detractor (0-6); null without a score. */
    static String category(Integer nps) {
        if (nps == null) {
            return null;
        }
        return nps >= 9 ? PROMOTER : nps >= 7 ? PASSIVE : DETRACTOR;
    }

    /** The counts a period or group adds up, and the figures they give. */
    record Counts(
            long responses,
            long answeredLinks,
            long delivered,
            long npsResponses,
            long promoters,
            long detractors,
            long csatResponses,
            long satisfied,
            long cesResponses,
            long cesSum) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** One link delivered. */
        static Counts delivered(long links) {
            return new Counts(0, 0, links, 0, 0, 0, 0, 0, 0, 0);
        }

        /** One completed response with these scores, to a personal link or not. */
        static Counts response(boolean personal, Integer nps, Integer csat, Integer ces) {
            return new Counts(
                    1,
                    personal ? 1 : 0,
                    0,
                    nps == null ? 0 : 1,
                    nps != null && nps >= 9 ? 1 : 0,
                    nps != null && nps <= 6 ? 1 : 0,
                    csat == null ? 0 : 1,
                    csat != null && csat >= 4 ? 1 : 0,
                    ces == null ? 0 : 1,
                    ces == null ? 0 : ces);
        }

        Counts plus(Counts other) {
            return new Counts(
                    responses + other.responses,
                    answeredLinks + other.answeredLinks,
                    delivered + other.delivered,
                    npsResponses + other.npsResponses,
                    promoters + other.promoters,
                    detractors + other.detractors,
                    csatResponses + other.csatResponses,
                    satisfied + other.satisfied,
                    cesResponses + other.cesResponses,
                    cesSum + other.cesSum);
        }

        SurveyFigures figures() {
            Double[] nps = nps(npsResponses, promoters, detractors);
            Double[] csat = csat(csatResponses, satisfied);
            return new SurveyFigures(
                    responses,
                    delivered,
                    delivered == 0 ? null : round(100.0 * answeredLinks / delivered),
                    npsResponses,
                    promoters,
                    npsResponses - promoters - detractors,
                    detractors,
                    nps[0],
                    nps[1],
                    nps[2],
                    csatResponses,
                    satisfied,
                    csat[0],
                    csat[1],
                    csat[2],
                    cesResponses,
                    cesResponses == 0 ? null : round((double) cesSum / cesResponses));
        }
    }

    /**
     * NPS and its 95 % interval, from {@code n} answers of which {@code promoters} and {@code detractors}: 100 (p −
     * d) ± z · 100 · √((p + d − (p − d)²) / n), the normal approximation of the difference of two proportions of one
     * multinomial sample, cut to −100..100. Nulls without answers.
     */
    static Double[] nps(long n, long promoters, long detractors) {
        if (n == 0) {
            return new Double[] {null, null, null};
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double score = p - d;
        double half = Z * Math.sqrt((p + d - score * score) / n);
        return new Double[] {
            round(100 * score), round(100 * Math.max(-1, score - half)), round(100 * Math.min(1, score + half))
        };
    }

    /**
     * CSAT (% of answers 4-5) and its 95 % Wilson score interval, which stays inside 0..100 and is honest with few
     * answers: (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n). Nulls without answers.
     */
    static Double[] csat(long n, long satisfied) {
        if (n == 0) {
            return new Double[] {null, null, null};
        }
        double p = (double) satisfied / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2.0 * n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denominator = 1 + z2 / n;
        return new Double[] {
            round(100 * p), round(100 * (centre - half) / denominator), round(100 * (centre + half) / denominator)
        };
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
