package com.quickeats.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.adapter.http.planted.HttpCallingPersistence;
import com.quickeats.adapter.http.planted.HttpReachingIntoBootstrap;
import com.quickeats.adapter.persistence.planted.PersistenceUsingTestSupport;
import com.quickeats.order.application.planted.ApplicationCallingAnAdapter;
import com.quickeats.order.application.planted.ApplicationReadingTheClock;
import com.quickeats.order.application.port.in.planted.PortReachingIntoAService;
import com.quickeats.order.application.port.out.planted.ConcretePortClass;
import com.quickeats.order.domain.planted.DomainCallingAnAdapter;
import com.quickeats.order.domain.planted.DomainInventingIds;
import com.quickeats.order.domain.planted.DomainReadingTheClock;
import com.quickeats.order.domain.planted.DomainUsingJavax;
import com.quickeats.order.domain.planted.DomainUsingJdbc;
import com.quickeats.order.domain.planted.InnocentDomainType;
import com.quickeats.stray.planted.StrayClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail proves nothing. The planted classes (test sources, {@code ..planted} packages,
 * never part of the production import) break one rule each; every rule must report its offender by name
 * and leave the innocent class alone.
 */
class PlantedViolationsTest {
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages(
            "com.quickeats.order.domain.planted",
            "com.quickeats.order.application.planted",
            "com.quickeats.order.application.port.in.planted",
            "com.quickeats.order.application.port.out.planted",
            "com.quickeats.adapter.persistence.planted",
            "com.quickeats.adapter.http.planted",
            "com.quickeats.bootstrap.planted",
            "com.quickeats.testing.planted",
            "com.quickeats.stray.planted");

    @Test
    void theDomainRuleReportsJavaxAndAdapterTypes() {
        assertReports(ArchitectureTest.domain_depends_only_on_the_jdk,
                DomainUsingJavax.class, DomainCallingAnAdapter.class);
    }

    @Test
    void theApplicationRuleReportsAnAdapterType() {
        assertReports(ArchitectureTest.application_depends_only_on_the_domain_and_the_jdk,
                ApplicationCallingAnAdapter.class);
    }

    @Test
    void theJdbcRuleReportsJavaSqlInTheDomain() {
        assertReports(ArchitectureTest.domain_and_application_never_touch_jdbc, DomainUsingJdbc.class);
    }

    @Test
    void theOnionReportsEveryOutwardDependency() {
        assertReports(ArchitectureTest.dependencies_point_inwards_from_adapters_to_application_to_domain,
                DomainCallingAnAdapter.class, ApplicationCallingAnAdapter.class, HttpCallingPersistence.class);
    }

    @Test
    void theAdapterRuleReportsOneAdapterCallingAnother() {
        assertReports(ArchitectureTest.adapters_do_not_depend_on_each_other, HttpCallingPersistence.class);
    }

    @Test
    void theBootstrapRuleReportsAnAdapterReachingIntoIt() {
        assertReports(ArchitectureTest.nothing_depends_on_bootstrap, HttpReachingIntoBootstrap.class);
    }

    @Test
    void theTestSupportRuleReportsProductionCodeUsingIt() {
        assertReports(ArchitectureTest.production_code_never_depends_on_test_support,
                PersistenceUsingTestSupport.class);
    }

    @Test
    void thePortShapeRuleReportsAConcreteClass() {
        assertReports(ArchitectureTest.ports_are_interfaces_or_records_or_exceptions, ConcretePortClass.class);
    }

    @Test
    void thePortDependencyRuleReportsAPortDependingOnAService() {
        assertReports(ArchitectureTest.ports_depend_only_on_the_domain_the_jdk_and_other_ports,
                PortReachingIntoAService.class);
    }

    @Test
    void theDomainClockRuleReportsEveryWayOfReadingTheSystemClock() {
        List<String> details = assertReports(ArchitectureTest.domain_never_reads_the_system_clock,
                DomainReadingTheClock.class);

        assertThat(details).anyMatch(d -> d.contains("instantNow()") && d.contains("Instant.now()"))
                .anyMatch(d -> d.contains("localDateTimeNow()") && d.contains("LocalDateTime.now()"))
                .anyMatch(d -> d.contains("System.currentTimeMillis()"))
                .anyMatch(d -> d.contains("Clock.systemUTC()"))
                .anyMatch(d -> d.contains("Clock.systemDefaultZone()"))
                .anyMatch(d -> d.contains("methodReference()") && d.contains("Instant.now()"));
    }

    @Test
    void theApplicationClockRuleReportsAUseCaseReadingTheSystemClock() {
        assertReports(ArchitectureTest.application_never_reads_the_system_clock, ApplicationReadingTheClock.class);
    }

    @Test
    void theIdentityRuleReportsRandomIdsInTheDomain() {
        List<String> details = assertReports(ArchitectureTest.domain_never_invents_identities,
                DomainInventingIds.class);

        assertThat(details).anyMatch(d -> d.contains("UUID.randomUUID()"))
                .anyMatch(d -> d.contains("java.util.Random"));
    }

    @Test
    void thePackageRuleReportsAStrayClass() {
        assertReports(ArchitectureTest.every_class_lives_in_a_known_module_package, StrayClass.class);
    }

    @Test
    void everyRuleIsExercisedByAPlantedViolationAndNoneReportsTheInnocentClass() throws IllegalAccessException {
        List<Field> ruleFields = Arrays.stream(ArchitectureTest.class.getDeclaredFields())
                .filter(f -> ArchRule.class.isAssignableFrom(f.getType()) && Modifier.isStatic(f.getModifiers()))
                .toList();
        assertThat(ruleFields).as("the rules of ArchitectureTest").isNotEmpty();

        for (Field field : ruleFields) {
            EvaluationResult result = ((ArchRule) field.get(null)).evaluate(PLANTED);
            assertThat(result.hasViolation()).as("%s reports a planted violation", field.getName()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .as("%s leaves the innocent class alone", field.getName())
                    .noneMatch(d -> d.contains(InnocentDomainType.class.getName()));
        }
    }

    private static List<String> assertReports(ArchRule rule, Class<?>... offenders) {
        EvaluationResult result = rule.evaluate(PLANTED);
        assertThat(result.hasViolation()).as("'%s' reports a violation", rule.getDescription()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        for (Class<?> offender : offenders) {
            assertThat(details).as("'%s' names %s", rule.getDescription(), offender.getSimpleName())
                    .anyMatch(d -> d.contains(offender.getName()));
        }
        return details;
    }
}
