package dev.rapport.survey;

import java.util.List;
import java.util.Locale;

/** Choosing a text for a locale: the exact tag, else its language, else the survey's default locale. */
final class SurveyTexts {

    private SurveyTexts() {}

    static String pick(List<SurveyRecords.Text> texts, String locale, String fallback) {
        String language = language(locale);
        SurveyRecords.Text byLanguage = null;
        SurveyRecords.Text byFallback = null;
        for (SurveyRecords.Text text : texts) {
            if (text.locale().equalsIgnoreCase(locale)) {
                return text.text();
            }
            if (byLanguage == null && language(text.locale()).equals(language)) {
                byLanguage = text;
            }
            if (text.locale().equalsIgnoreCase(fallback)) {
                byFallback = text;
            }
        }
        SurveyRecords.Text chosen = byLanguage != null ? byLanguage : byFallback != null ? byFallback : texts.get(0);
        return chosen.text();
    }

    /** The locale a survey shows in for a customer's {@code locale}: the language of theirs it has, else its default. */
    static String resolve(List<SurveyRecords.Question> questions, String locale, String fallback) {
        if (locale == null) {
            return fallback;
        }
        String language = language(locale);
        for (SurveyRecords.Text text : questions.get(0).texts()) {
            if (text.locale().equalsIgnoreCase(locale)) {
                return text.locale();
            }
        }
        for (SurveyRecords.Text text : questions.get(0).texts()) {
            if (language(text.locale()).equals(language)) {
                return text.locale();
            }
        }
        return fallback;
    }

    private static String language(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
