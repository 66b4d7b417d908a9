package dev.rapport.webhook;

/** The SSRF guard refused the URL at send time: not retried, the delivery is dead-lettered. */
final class GuardRefusal extends RuntimeException {
    GuardRefusal(Throwable cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
