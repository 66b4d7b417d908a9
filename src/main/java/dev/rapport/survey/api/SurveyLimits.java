package dev.rapport.survey.api;

/** The shapes survey fields take, shared by the requests' constraints and the domain's checks. */
public final class SurveyLimits {

    /** A BCP 47 language tag of a language and an optional region or script: en, de-AT, zh-Hant. */
    public static final String LOCALE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";
    /** A question's id, which answers name. */
    public static final String QUESTION_ID = "[a-z][a-z0-9_]{0,39}";
    /** An option's value, which choice answers name. */
    public static final String OPTION_VALUE = "[a-z0-9][a-z0-9_-]{0,59}";
    /** A touchpoint or lifecycle milestone. */
    public static final String TOUCHPOINT = "[a-z][a-z0-9_]{0,59}";

    public static final String CHANNEL = "email|sms|push|in_app|web_link|kiosk";
    public static final String QUESTION_TYPE = "nps|csat|ces|rating|single_choice|multiple_choice|text";
    public static final String STATUS = "draft|active|closed";
    public static final int MAX_RECIPIENTS = 1000;

    private SurveyLimits() {}
}
