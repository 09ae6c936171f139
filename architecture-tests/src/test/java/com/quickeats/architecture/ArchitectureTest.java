package com.quickeats.architecture;

import static com.quickeats.architecture.QuickEatsModule.ADAPTER_HTTP;
import static com.quickeats.architecture.QuickEatsModule.ADAPTER_PERSISTENCE;
import static com.quickeats.architecture.QuickEatsModule.BOOTSTRAP;
import static com.quickeats.architecture.QuickEatsModule.ORDER_APPLICATION;
import static com.quickeats.architecture.QuickEatsModule.ORDER_DOMAIN;
import static com.quickeats.architecture.QuickEatsModule.TEST_SUPPORT;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dependency rule of QuickEats in words. The Maven POMs already make most wrong imports fail to
 * compile; these rules say why, and also catch what a POM cannot (a clock read in the domain, a stray
 * package, a concrete class posing as a port).
 *
 * <p>A rule that matches nothing proves nothing: ArchUnit fails a rule whose subject is empty
 * ({@code archRule.failOnEmptyShould}), and {@link PlantedViolationsTest} shows each rule failing on a
 * planted violation. Only rules about an adapter that has no compiled classes yet may match nothing.
 */
@AnalyzeClasses(packages = "com.quickeats",
        importOptions = {ImportOption.DoNotIncludeTests.class, OnlyQuickEatsModules.class})
public class ArchitectureTest {
    static final String DOMAIN = ORDER_DOMAIN.packages();
    static final String APPLICATION = ORDER_APPLICATION.packages();
    static final String PORTS = "com.quickeats.order.application.port..";
    static final String PORTS_IN = "com.quickeats.order.application.port.in";
    static final String PORTS_OUT = "com.quickeats.order.application.port.out";
    static final String ADAPTERS = "com.quickeats.adapter..";

    @ArchTest
    public static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("other JVM services embed order-domain as a plain library: no framework, not even javax");

    @ArchTest
    public static final ArchRule application_depends_only_on_the_domain_and_the_jdk = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("the use cases talk to the world only through the ports they own");

    @ArchTest
    public static final ArchRule domain_and_application_never_touch_jdbc = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("java.sql is part of the JDK, but SQL belongs to adapter-persistence");

    @ArchTest
    public static final ArchRule dependencies_point_inwards_from_adapters_to_application_to_domain =
            onionArchitecture()
                    .domainModels(DOMAIN)
                    .applicationServices(APPLICATION)
                    .adapter("persistence", ADAPTER_PERSISTENCE.packages())
                    .adapter("http", ADAPTER_HTTP.packages())
                    // There is no separate domain-services layer (the domain is one package), so layers
                    // must be optional; that the others are not empty is the_core_..._are_analysed' job.
                    .withOptionalLayers(true)
                    // The composition root knows every layer by design; its own rules are nothing_depends_on_bootstrap.
                    .ignoreDependency(resideInAPackage(BOOTSTRAP.packages()), alwaysTrue());

    @ArchTest
    public static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("com.quickeats.adapter.(*)..")
            .namingSlices("adapter $1")
            .should().notDependOnEachOther()
            .because("each adapter translates between the application and one technology; bootstrap wires them")
            .allowEmptyShould(!QuickEatsModule.anyHasCompiledClasses(ADAPTER_PERSISTENCE, ADAPTER_HTTP));

    @ArchTest
    public static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP.packages())
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP.packages())
            .because("bootstrap is the composition root: it knows everybody and nobody knows it");

    @ArchTest
    public static final ArchRule production_code_never_depends_on_test_support = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP.packages())
            .should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT.packages())
            .because("test-postgres is a test-scoped helper and is not shipped");

    @ArchTest
    public static final ArchRule ports_are_interfaces_or_records_or_exceptions = classes()
            .that().resideInAPackage(PORTS).and().doNotHaveSimpleName("package-info")
            .should(be(INTERFACES
                    .or(describe("records", JavaClass::isRecord))
                    .or(assignableTo(Throwable.class).as("exceptions"))
                    .as("an interface, a record or an exception")))
            .because("a port is a contract: behaviour lives in the use cases and the adapters");

    @ArchTest
    public static final ArchRule ports_depend_only_on_the_domain_the_jdk_and_other_ports = classes()
            .that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, PORTS)
            .because("adapters see the ports; the ports must not drag the use cases' internals along");

    @ArchTest
    public static final ArchRule domain_never_reads_the_system_clock = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().accessTargetWhere(SystemClockReads.readTheSystemClock())
            .because("time comes in as an argument, so every rule about time can be tested at any instant");

    @ArchTest
    public static final ArchRule application_never_reads_the_system_clock = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().accessTargetWhere(SystemClockReads.readTheSystemClock())
            .because("the use cases read time from the Clock they are given");

    @ArchTest
    public static final ArchRule domain_never_invents_identities = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethod(UUID.class, "randomUUID")
            .orShould().dependOnClassesThat()
            .belongToAnyOf(Random.class, SecureRandom.class, SplittableRandom.class, ThreadLocalRandom.class)
            .because("ids come from the repository (or a generator port), never from the domain itself");

    @ArchTest
    public static final ArchRule every_class_lives_in_a_known_module_package = classes()
            .should().resideInAnyPackage(Arrays.stream(QuickEatsModule.values())
                    .map(QuickEatsModule::packages).toArray(String[]::new))
            .because("a class outside the known packages would escape every rule above");

    /**
     * The rules name modules by package, so a package must mean a module: every imported class comes from
     * the artifact of the module that owns its package (no adapter code hiding in another's package).
     */
    @ArchTest
    static void each_module_holds_only_its_own_packages(JavaClasses classes) {
        assertThat(classes.stream()
                .filter(c -> !c.getSource().flatMap(source -> QuickEatsModule.owningArtifact(source.getUri()))
                        .equals(QuickEatsModule.owningPackage(c.getPackageName())))
                .map(c -> c.getName() + " from " + c.getSource().map(s -> s.getUri().toString()).orElse("?")))
                .as("classes whose package belongs to another module than the artifact they come from")
                .isEmpty();
    }

    /**
     * A rule about an empty package proves nothing. ArchUnit already fails a rule whose subject is empty;
     * this also covers the "should" side of the rules and the packages the rules name only there.
     */
    @ArchTest
    static void the_core_its_ports_and_the_test_support_are_analysed(JavaClasses classes) {
        for (String packageName : List.of(ORDER_DOMAIN.basePackage(), ORDER_APPLICATION.basePackage(), PORTS_IN,
                PORTS_OUT)) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(packageName)))
                    .as("imported classes of %s", packageName)
                    .anyMatch(c -> !c.getSimpleName().equals("package-info"));
        }
        for (QuickEatsModule module : QuickEatsModule.values()) {
            boolean required = module == TEST_SUPPORT || module.hasCompiledClasses();
            if (required) {
                assertThat(classes.stream().map(JavaClass::getPackageName))
                        .as("imported classes of %s (%s)", module.packages(), module.artifactId())
                        .anyMatch(p -> QuickEatsModule.owningPackage(p).equals(Optional.of(module)));
            }
        }
    }
}
