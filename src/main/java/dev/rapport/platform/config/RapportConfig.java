package dev.rapport.platform.config;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rapport's own settings ({@code rapport.*} in application.properties or RAPPORT_* environment variables). */
@ConfigMapping(prefix = "rapport")
public interface RapportConfig {

    /** Idempotency-Key handling. */
    Idempotency idempotency();

    /** Limits of the requests this service reads (see platform/web/RequestChecks). */
    Http http();

    interface Http {
        /**
         * The longest request line (method, URI and version) served; a longer one is 414 uri-too-long. Below
         * {@code quarkus.http.limits.max-initial-line-length}, the HTTP codec's own ceiling, which answers without a
         * problem document.
         */
        @WithDefault("4096")
        @Positive
        int maxRequestLineLength();

        /**
         * The most bytes of request headers (names and values) served; more is 431 headers-too-large. Below
         * {@code quarkus.http.limits.max-header-size}, the codec's ceiling.
         */
        @WithDefault("20480")
        @Positive
        int maxHeaderSize();
    }

    /** The embedded PostgreSQL of the dev and test profiles (see EmbeddedDatabaseConfigSourceFactory). */
    EmbeddedDatabase embeddedDatabase();

    /** Security shortcuts that only ever apply in dev mode. */
    Security security();

    interface EmbeddedDatabase {
        /**
         * Start a PostgreSQL from Maven Central binaries and point the datasource at it. Never in prod. Read as a
         * plain property by EmbeddedDatabaseConfigSourceFactory, since it configures the datasource itself.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Security {
        /** In dev mode only: treat every request as the local user dev-admin with all roles. */
        @WithDefault("false")
        boolean devIdentity();

        /** Bearer tokens already verified by this replica, kept until they expire (see VerifiedTokens). */
        TokenCache tokenCache();
    }

    interface TokenCache {
        /** Whether a verified token skips signature verification on its next requests. */
        @WithDefault("true")
        boolean enabled();

        /** How many verified tokens are kept (least recently used go first). */
        @WithDefault("10000")
        long maxSize();

        /** The longest a token is trusted without verifying it again, however late it expires. */
        @WithDefault("PT5M")
        Duration maxAge();
    }

    /** Token buckets per caller, in this replica; a gateway in front enforces limits across replicas. */
    RateLimit rateLimit();

    /** How many GraphQL requests this replica executes at once (see GraphQLAdmission). */
    Graphql graphql();

    interface Graphql {
        /**
         * GraphQL requests executing at once; the others wait for a turn in arrival order. Executing far more
         * than the database pool can serve only makes each request live longer in memory.
         */
        @WithDefault("16")
        @Positive
        int maxConcurrent();

        /** GraphQL requests that may wait for a turn; beyond that, 503 overloaded with Retry-After. */
        @WithDefault("1000")
        @PositiveOrZero
        int maxQueued();

        /** How deeply a query may nest selections (the introspection query of GraphQL tools needs 13). */
        @WithDefault("15")
        @Positive
        int maxDepth();

        /**
         * The most a query may cost before it runs: every field counts 1, and the fields below a list count once
         * per element it may have (its {@code limit}, or {@link #listSize()} for lists without one). Refused with
         * {@code query-too-complex}.
         */
        @WithDefault("10000")
        @Positive
        int maxComplexity();

        /** The elements a list without a {@code limit} argument (emails, purchase items, ...) is counted with. */
        @WithDefault("10")
        @Positive
        int listSize();

        /**
         * The most fields one answer may hold, counted while it is built; the fields beyond are null and the answer
         * carries a {@code query-too-complex} error. Bounds the memory of a request whatever the data holds.
         */
        @WithDefault("20000")
        @Positive
        int maxAnswerFields();
    }

    interface RateLimit {
        /** Whether requests to /v1 and /graphql are rate limited. */
        @WithDefault("true")
        boolean enabled();

        /** The default limit of every caller. */
        @io.smallrye.config.WithParentName
        Limit defaults();

        /** Limits for particular OAuth clients, by client id: rapport.rate-limit.clients."partner-acme".capacity=... */
        java.util.Map<String, Limit> clients();
    }

    interface Limit {
        /** How many requests a caller may make in a burst. */
        @WithDefault("300")
        long capacity();

        /** How long a drained bucket takes to refill completely, steadily: capacity / period is the sustained rate. */
        @WithDefault("PT10S")
        Duration refillPeriod();
    }

    /** Outbound webhooks. */
    Webhooks webhooks();

    interface Webhooks {
        /** Whether this replica dispatches and sends webhooks. */
        @WithDefault("true")
        boolean enabled();

        /** Plain http endpoints are refused unless this is set (dev and tests only). */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Networks (CIDR) that may be called although they are private, loopback or link-local; empty by default.
         * Everything else that is not a public unicast address is refused, at registration and at send time.
         */
        java.util.Optional<java.util.List<String>> allowedNetworks();

        /** Delay before each retry after a failed attempt; after the last one the delivery is dead-lettered. */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
        java.util.List<Duration> retrySchedule();

        /** Time allowed to connect and to receive the response. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How long the previous secret keeps signing after a rotation. */
        @WithDefault("PT24H")
        Duration secretOverlap();

        /** An endpoint failing without a single success for this long is disabled. */
        @WithDefault("P5D")
        Duration disableAfter();

        /** How often each replica looks for due deliveries it was not woken for (retries, other replicas' writes). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * Keep-alive connections per endpoint, i.e. how many of its deliveries are in flight at once. Each costs
         * the receiver a connection; with too few, one slow response holds back the endpoint's whole queue.
         */
        @WithDefault("8")
        @Positive
        int connectionsPerEndpoint();

        /** Deliveries this replica sends at once, over all endpoints (claimed, sending or being recorded). */
        @WithDefault("64")
        @Positive
        int maxInFlight();
    }

    /** The event log. */
    Events events();

    /** Segments and the facts their rules test. */
    Segments segments();

    interface Segments {
        /** Whether this replica keeps segment membership current (the event-log consumer, recomputes, sweeps). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often rules whose truth changes with time alone (relative times such as -P90D, birthdayInDays, RFM
         * scores) are re-evaluated over every customer.
         */
        @WithDefault("PT5M")
        Duration sweepInterval();

        /** How often the RFM scores of every partner's customers are computed again. */
        @WithDefault("PT1H")
        Duration rfmInterval();

        /** The currency whose lifetime value ranks customers for the RFM monetary score. */
        @WithDefault("EUR")
        String rfmCurrency();
    }

    /** Automations: triggers, their firings and actions. */
    Automations automations();

    interface Automations {
        /** Whether this replica fires triggers and runs their actions (the event-log consumer, the calendar). */
        @WithDefault("true")
        boolean enabled();

        /** How often date triggers look for the customer dates that have come round. */
        @WithDefault("PT1M")
        Duration sweepInterval();

        /** Delay before each retry of a failed action; after the last one the action has failed for good. */
        @WithDefault("PT10S,PT1M,PT10M,PT1H,PT6H")
        java.util.List<Duration> retrySchedule();

        /**
         * The most firings in one chain (a firing whose action's change fires another trigger, and so on): a
         * firing that would be one more is skipped, and recorded with the reason {@code depth}.
         */
        @WithDefault("5")
        @Positive
        int maxChainLength();

        /** The time zone of date triggers for customers without one of their own. */
        @WithDefault("UTC")
        String defaultTimeZone();

        /**
         * How long finished runs (succeeded, failed, skipped) are kept, with their actions. Frequency caps count the
         * runs of their period: keep runs at least as long as the longest cap (a cap's period is at most 366 days).
         */
        @WithDefault("P400D")
        Duration runRetention();

        /** Actions this replica runs at once, each in its own transaction. */
        @WithDefault("4")
        @Positive
        int actionWorkers();
    }

    /** Tickets: the SLA scheduler and the job that closes solved tickets. */
    Tickets tickets();

    interface Tickets {
        /** Whether this replica announces SLA warnings and breaches and closes solved tickets. */
        @WithDefault("true")
        boolean enabled();

        /** Days after which a solved ticket is closed by the service (it can no longer be reopened). */
        @WithDefault("4")
        @Positive
        int closeAfterDays();

        /** The share of an SLA target after which {@code ticket.sla_warning} is appended. */
        @WithDefault("0.75")
        double warningShare();

        /**
         * The longest the SLA scheduler waits between two looks for due clocks; it also wakes at the next due time
         * it knows of, and when a ticket's clocks change in this replica.
         */
        @WithDefault("PT1S")
        Duration slaPollInterval();

        /** Clocks announced in one transaction. */
        @WithDefault("500")
        @Positive
        int slaBatchSize();
    }

    /** Loyalty: the jobs that activate pending points, expire lots and announce expiring points. */
    Loyalty loyalty();

    interface Loyalty {
        /** Whether this replica runs the loyalty jobs (every replica earns from purchases through the event log). */
        @WithDefault("true")
        boolean enabled();

        /** How often the jobs look for pending points that are due, lots that expired and points soon expiring. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Accounts (or awards) one job run handles in one transaction. */
        @WithDefault("200")
        @Positive
        int batchSize();
    }

    /** Surveys: answering links, the fatigue rule across surveys, and the public answering endpoint's limits. */
    Surveys surveys();

    interface Surveys {
        /**
         * Where answering links point: the token is appended. The partner's survey page or app renders the form
         * from GET /v1/survey-responses/{token}.
         */
        @WithDefault("https://surveys.example.com/s/")
        String linkBase();

        /** How long a link answers when the distribution sets no expiry. */
        @WithDefault("P30D")
        Duration expiry();

        /** At most one survey per customer within this many days, across all surveys and channels (0: no rule). */
        @WithDefault("7")
        @PositiveOrZero
        int fatigueDays();

        /** Answers (saves and reads) one personal link takes per minute. */
        @WithDefault("20")
        @Positive
        long tokenPerMinute();

        /** Answers one anonymous link takes per minute. */
        @WithDefault("600")
        @Positive
        long linkPerMinute();

        /** Answering requests one client address makes per minute. */
        @WithDefault("120")
        @Positive
        long addressPerMinute();
    }

    /** How customers' contact points are standardized and matched. */
    Contacts contacts();

    interface Contacts {
        /**
         * The region (ISO 3166 alpha-2, e.g. PK) whose national format phone numbers without a country code are
         * read in; without one, a number must start with + and its country code.
         */
        java.util.Optional<String> defaultRegion();

        /** The region per partner id, for a partner whose customers' numbers come in another national format. */
        java.util.Map<String, String> partnerRegions();

        /**
         * Whether Gmail addresses match regardless of dots and +tags in the local part (a.b+news@gmail.com matches
         * ab@gmail.com). Used for finding duplicates only: the address is stored as given.
         */
        @WithDefault("true")
        boolean gmailRule();
    }

    /** Bulk imports of customers. */
    Imports imports();

    interface Imports {
        /** Whether this replica applies imports (any replica may; each import is claimed by one). */
        @WithDefault("true")
        boolean enabled();

        /** How often a replica looks for started imports (and for imports a stopped replica left running). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long an import may go without a batch before another replica takes it over. */
        @WithDefault("PT5M")
        Duration lease();

        /** Rows applied in one transaction. */
        @WithDefault("1000")
        @Positive
        int batchSize();
    }

    /** Privacy requests: exports and erasures of a customer's personal data. */
    Privacy privacy();

    interface Privacy {
        /** Whether this replica runs privacy jobs (any replica may; each job is claimed by one). */
        @WithDefault("true")
        boolean enabled();

        /** How often a replica looks for queued jobs (and for jobs a stopped replica left running). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long a job may run before another replica takes it over (its replica is taken to be gone). */
        @WithDefault("PT10M")
        Duration lease();

        /** How long an export's document is kept (it holds the customer's personal data) before it is deleted. */
        @WithDefault("P7D")
        Duration exportRetention();
    }

    interface Events {
        /** How long events stay in the log (and the change feed) before they are deleted. */
        @WithDefault("P30D")
        Duration retention();

        /**
         * How often each replica's consumers of the log (the webhook dispatcher, ...) look for events they were not
         * woken for: those committed through other replicas.
         */
        @WithDefault("PT1S")
        Duration pollInterval();
    }

    interface Idempotency {
        /** How long a stored response is replayed for a repeated key; after that the key may be used afresh. */
        @WithDefault("PT24H")
        Duration ttl();
    }
}
