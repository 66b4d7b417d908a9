package dev.rapport.webhook;

import java.time.Duration;

/** What one attempt came to. */
record AttemptOutcome(Integer statusCode, String error, boolean succeeded, boolean retryable, Duration retryAfter) {

    static AttemptOutcome of(int status, String body, String retryAfter) {
        boolean ok = status >= 200 && status < 300;
        boolean retry = status == 429 || status >= 500;
        return new AttemptOutcome(
                status,
                ok ? null : "HTTP " + status + (body == null ? "" : ": " + body),
                ok,
                retry,
                parseRetryAfter(retryAfter));
    }

    static AttemptOutcome failed(Integer status, String error, boolean retryable, Duration retryAfter) {
        return new AttemptOutcome(status, error, false, retryable, retryAfter);
    }

    private static Duration parseRetryAfter(String value) {
        try {
            return value == null ? null : Duration.ofSeconds(Math.min(86_400, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
