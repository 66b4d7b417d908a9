package dev.rapport.platform.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may do what. Every REST operation and GraphQL field names one permission in {@code @RolesAllowed}, such as
 * {@link #CUSTOMERS_WRITE}. Partner systems carry permissions as OAuth scopes ({@code scope}, which the OIDC
 * configuration turns into roles of the same name); people carry realm roles ({@code realm_access.roles}), which
 * {@link RolePermissions} turns into the permissions of {@link #PERMISSIONS_OF_ROLES}. A new domain adds its
 * permissions here, to the roles that hold them, and as client scopes to the realm.
 */
public final class Roles {

    /** People's roles. */
    public static final String ADMIN = "admin";

    public static final String MANAGER = "manager";
    public static final String AGENT = "agent";
    public static final String ANALYST = "analyst";

    /** Read customers, their purchases and interactions. */
    public static final String CUSTOMERS_READ = "customers:read";
    /** Create and change customers, record purchases and interactions. */
    public static final String CUSTOMERS_WRITE = "customers:write";
    /** Delete customers. */
    public static final String CUSTOMERS_DELETE = "customers:delete";
    /** Import customers in bulk (create and update many from a file). */
    public static final String CUSTOMERS_IMPORT = "customers:import";
    /** Read the change feed (a partner: the events of its own records). */
    public static final String EVENTS_READ = "events:read";
    /** Register and manage webhook endpoints. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    /** Read segments, their members and history, and preview rules. */
    public static final String SEGMENTS_READ = "segments:read";
    /** Define, change and delete segments; manage the members of static ones. */
    public static final String SEGMENTS_WRITE = "segments:write";
    /** Read triggers and their runs, and test them. */
    public static final String AUTOMATIONS_READ = "automations:read";
    /** Define, change and delete triggers. */
    public static final String AUTOMATIONS_MANAGE = "automations:manage";
    /** Read tickets, their messages, history, SLA clocks and metrics, and SLA policies and calendars. */
    public static final String TICKETS_READ = "tickets:read";
    /** Open and change tickets and add messages. */
    public static final String TICKETS_WRITE = "tickets:write";
    /** Define, change and delete SLA policies and business calendars. */
    public static final String TICKETS_MANAGE = "tickets:manage";
    /** Read leads, their notes, stage history, scores and metrics, and pipelines and lead rules. */
    public static final String LEADS_READ = "leads:read";
    /** Capture and change leads, add notes and convert leads to customers. */
    public static final String LEADS_WRITE = "leads:write";
    /** Define, change and delete pipelines and lead scoring and assignment rules. */
    public static final String LEADS_MANAGE = "leads:manage";
    /** Read loyalty programs, accounts, cards, ledgers, rewards and forecasts. */
    public static final String LOYALTY_READ = "loyalty:read";
    /** Enroll customers, post to ledgers (earn, redeem, adjust, reverse, transfer), replace cards, redeem rewards. */
    public static final String LOYALTY_WRITE = "loyalty:write";
    /** Define, change and delete loyalty programs, earning rules and rewards. */
    public static final String LOYALTY_MANAGE = "loyalty:manage";
    /** Read surveys, their distributions, responses and figures. */
    public static final String SURVEYS_READ = "surveys:read";
    /** Define and change surveys and send them. */
    public static final String SURVEYS_WRITE = "surveys:write";
    /** Read the audit log. */
    public static final String AUDIT_READ = "audit:read";
    /** Place and lift legal holds, export and erase customers' personal data. Admins only. */
    public static final String PRIVACY_MANAGE = "privacy:manage";
    /**
     * See and change every partner's records. People's roles hold it; a client holds it only as a scope granted to
     * an internal integration. A client without it must be bound to a partner ({@code partner_id}), or it is refused
     * partner data ({@link Caller#partnerScope}).
     */
    public static final String PARTNERS_ALL = "partners:all";

    /** The permissions of each person's role. Admins alone also see deleted customers. */
    static final Map<String, Set<String>> PERMISSIONS_OF_ROLES = Map.of(
            ANALYST,
                    Set.of(
                            CUSTOMERS_READ,
                            EVENTS_READ,
                            SEGMENTS_READ,
                            AUTOMATIONS_READ,
                            TICKETS_READ,
                            LEADS_READ,
                            LOYALTY_READ,
                            SURVEYS_READ,
                            PARTNERS_ALL),
            AGENT,
                    Set.of(
                            CUSTOMERS_READ,
                            CUSTOMERS_WRITE,
                            EVENTS_READ,
                            SEGMENTS_READ,
                            AUTOMATIONS_READ,
                            TICKETS_READ,
                            TICKETS_WRITE,
                            LEADS_READ,
                            LEADS_WRITE,
                            LOYALTY_READ,
                            LOYALTY_WRITE,
                            SURVEYS_READ,
                            SURVEYS_WRITE,
                            PARTNERS_ALL),
            MANAGER,
                    Set.of(
                            CUSTOMERS_READ,
                            CUSTOMERS_WRITE,
                            CUSTOMERS_DELETE,
                            CUSTOMERS_IMPORT,
                            EVENTS_READ,
                            SEGMENTS_READ,
                            SEGMENTS_WRITE,
                            AUTOMATIONS_READ,
                            AUTOMATIONS_MANAGE,
                            TICKETS_READ,
                            TICKETS_WRITE,
                            TICKETS_MANAGE,
                            LEADS_READ,
                            LEADS_WRITE,
                            LEADS_MANAGE,
                            LOYALTY_READ,
                            LOYALTY_WRITE,
                            LOYALTY_MANAGE,
                            WEBHOOKS_MANAGE,
                            SURVEYS_READ,
                            SURVEYS_WRITE,
                            PARTNERS_ALL),
            ADMIN,
                    Set.of(
                            CUSTOMERS_READ,
                            CUSTOMERS_WRITE,
                            CUSTOMERS_DELETE,
                            CUSTOMERS_IMPORT,
                            EVENTS_READ,
                            SEGMENTS_READ,
                            SEGMENTS_WRITE,
                            AUTOMATIONS_READ,
                            AUTOMATIONS_MANAGE,
                            TICKETS_READ,
                            TICKETS_WRITE,
                            TICKETS_MANAGE,
                            LEADS_READ,
                            LEADS_WRITE,
                            LEADS_MANAGE,
                            LOYALTY_READ,
                            LOYALTY_WRITE,
                            LOYALTY_MANAGE,
                            WEBHOOKS_MANAGE,
                            AUDIT_READ,
                            PRIVACY_MANAGE,
                            SURVEYS_READ,
                            SURVEYS_WRITE,
                            PARTNERS_ALL));

    /** What each permission allows, as the API documents and the realm describe it. */
    public static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry(CUSTOMERS_READ, "Read customers, their purchases and interactions"),
            Map.entry(CUSTOMERS_WRITE, "Create and change customers, record purchases and log interactions"),
            Map.entry(CUSTOMERS_DELETE, "Delete customers"),
            Map.entry(CUSTOMERS_IMPORT, "Import customers in bulk"),
            Map.entry(EVENTS_READ, "Read the change feed"),
            Map.entry(SEGMENTS_READ, "Read segments, their members and history, and preview rules"),
            Map.entry(SEGMENTS_WRITE, "Define, change and delete segments and manage static segments' members"),
            Map.entry(AUTOMATIONS_READ, "Read triggers and their runs, and test triggers"),
            Map.entry(AUTOMATIONS_MANAGE, "Define, change and delete triggers"),
            Map.entry(
                    TICKETS_READ, "Read tickets, their messages, history, SLA clocks and metrics, and SLA definitions"),
            Map.entry(TICKETS_WRITE, "Open and change tickets and add messages"),
            Map.entry(TICKETS_MANAGE, "Define, change and delete SLA policies and business calendars"),
            Map.entry(
                    LEADS_READ,
                    "Read leads, their notes, stage history, scores and metrics, and pipelines and lead rules"),
            Map.entry(LEADS_WRITE, "Capture and change leads, add notes and convert leads to customers"),
            Map.entry(LEADS_MANAGE, "Define, change and delete pipelines and lead scoring and assignment rules"),
            Map.entry(LOYALTY_READ, "Read loyalty programs, accounts, cards, ledgers, rewards and forecasts"),
            Map.entry(
                    LOYALTY_WRITE,
                    "Enroll customers, post to loyalty ledgers, replace cards and redeem and use rewards"),
            Map.entry(LOYALTY_MANAGE, "Define, change and delete loyalty programs, earning rules and rewards"),
            Map.entry(SURVEYS_READ, "Read surveys, their distributions, responses and figures"),
            Map.entry(SURVEYS_WRITE, "Define and change surveys and send them to customers"),
            Map.entry(WEBHOOKS_MANAGE, "Register and manage webhook endpoints"),
            Map.entry(AUDIT_READ, "Read the audit log"),
            Map.entry(PRIVACY_MANAGE, "Place and lift legal holds on, export and erase customers' personal data"),
            Map.entry(
                    PARTNERS_ALL,
                    "See and change every partner's records (internal integrations; a client without it must carry "
                            + "partner_id)"));

    private Roles() {}

    /** The people's roles that grant {@code permission}, most powerful first. */
    public static List<String> rolesHolding(String permission) {
        return Stream.of(ADMIN, MANAGER, AGENT, ANALYST)
                .filter(role -> PERMISSIONS_OF_ROLES.get(role).contains(permission))
                .toList();
    }

    /** The permissions that {@code roles} grant, beside the roles themselves. */
    static Set<String> permissionsOf(Set<String> roles) {
        Set<String> permissions = new HashSet<>();
        for (String role : roles) {
            permissions.addAll(PERMISSIONS_OF_ROLES.getOrDefault(role, Set.of()));
        }
        return permissions;
    }
}
