package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/**
 * The shape every domain keeps (README, "Adding a domain"): resources and GraphQL APIs go through services; reads
 * served to callers never open Hibernate sessions; a domain reaches another only through its service, its api/
 * views and its event types; the event log and the platform know no domain.
 */
class ArchitectureTest {

    /** The packages below dev.rapport that are not domains. */
    private static final Set<String> SHARED = Set.of("event", "platform");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rapport");

    /** Every other package below dev.rapport is a domain: customer, webhook, audit, and each one added. */
    private static final List<String> DOMAINS = MAIN.stream()
            .map(ArchitectureTest::topPackage)
            .filter(top -> top != null && !SHARED.contains(top))
            .distinct()
            .sorted()
            .toList();

    private static final DescribedPredicate<JavaClass> DATA_ACCESS =
            new DescribedPredicate<>("repositories, queries or database sessions") {
                @Override
                public boolean test(JavaClass type) {
                    return type.isAssignableTo(PanacheRepositoryBase.class)
                            || type.getSimpleName().endsWith("Queries")
                            || type.getName().startsWith("org.hibernate.reactive.mutiny.Mutiny")
                            || type.getName().equals("dev.rapport.platform.db.PooledStatements")
                            || type.getName().startsWith("io.vertx.mutiny.sqlclient");
                }
            };

    @Test
    void resourcesAndGraphQLApisGoThroughServices() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .or()
                .areAnnotatedWith(GraphQLApi.class)
                .should()
                .dependOnClassesThat(DATA_ACCESS)
                .because("a REST resource or GraphQL API calls its domain's service, which owns every rule")
                .check(MAIN);
    }

    @Test
    void servicesReadThroughQueriesNotSessions() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.quarkus.hibernate.reactive.panache.common.WithSession")
                .because("what is served to a caller is read with pooled statements (a domain's Queries class)")
                .check(MAIN);
    }

    @Test
    void everyDomainIsSeen() {
        assertThat(DOMAINS).contains("customer", "webhook", "audit");
    }

    @Test
    void theEventLogAndThePlatformKnowNoDomain() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.rapport.event..", "dev.rapport.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(domainPackages())
                .because("domains plug into the event log and the platform, never the other way round")
                .check(MAIN);
    }

    @Test
    void domainsReachEachOtherOnlyThroughServicesViewsAndEvents() {
        classes()
                .that()
                .resideInAnyPackage(domainPackages())
                .should(new ArchCondition<>("reach another domain only through its service, api/ views or events") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        String own = domainOf(type);
                        type.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass();
                            String other = domainOf(target);
                            if (other != null && !other.equals(own) && !isPublicSurface(target, other)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .check(MAIN);
    }

    private static boolean isPublicSurface(JavaClass target, String domain) {
        String base = "dev.rapport." + domain;
        return target.getPackageName().equals(base + ".api")
                || target.getSimpleName().endsWith("Service")
                || target.getSimpleName().endsWith("Event");
    }

    private static String domainOf(JavaClass type) {
        String top = topPackage(type);
        return top == null || SHARED.contains(top) ? null : top;
    }

    /** {@code customer} of {@code dev.rapport.customer.api.CustomerView}; null outside dev.rapport's packages. */
    private static String topPackage(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("dev.rapport.")) {
            return null;
        }
        int dot = name.indexOf('.', "dev.rapport.".length());
        return dot < 0 ? name.substring("dev.rapport.".length()) : name.substring("dev.rapport.".length(), dot);
    }

    private static String[] domainPackages() {
        return DOMAINS.stream().map(domain -> "dev.rapport." + domain + "..").toArray(String[]::new);
    }
}
