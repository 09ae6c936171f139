package com.quickeats.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The modules whose classes the rules look at, each with the one package tree it owns and the artifact
 * its classes come from: {@code <module>/target/classes}, or its main jar in the reactor's
 * {@code target/} or the local repository.
 */
enum QuickEatsModule {
    ORDER_DOMAIN("order-domain", "com.quickeats.order.domain"),
    ORDER_APPLICATION("order-application", "com.quickeats.order.application"),
    ADAPTER_PERSISTENCE("adapter-persistence", "com.quickeats.adapter.persistence"),
    ADAPTER_HTTP("adapter-http", "com.quickeats.adapter.http"),
    BOOTSTRAP("bootstrap", "com.quickeats.bootstrap"),
    TEST_SUPPORT("test-postgres", "com.quickeats.testing");

    private static final ImportOption NOT_A_TEST = new ImportOption.DoNotIncludeTests();

    private final String artifactId;
    private final String basePackage;
    private final Pattern artifact;

    QuickEatsModule(String artifactId, String basePackage) {
        this.artifactId = artifactId;
        this.basePackage = basePackage;
        String name = Pattern.quote(artifactId);
        this.artifact = Pattern.compile(".*/" + name + "/target/classes/.*"
                + "|.*/" + name + "-[0-9][^/!]*(?<!-tests)\\.jar!/.*");
    }

    String artifactId() {
        return artifactId;
    }

    String basePackage() {
        return basePackage;
    }

    /** The ArchUnit identifier of the module's package and everything below it. */
    String packages() {
        return basePackage + "..";
    }

    /** Whether the class file or class path location at {@code uri} belongs to this module's main artifact. */
    boolean isArtifactOf(URI uri) {
        return artifact.matcher(uri.toString()).matches();
    }

    /**
     * Whether this module's artifact on the class path holds any class of its package. A rule about the
     * module may match nothing only while this is false; once the module has code, an empty match means
     * the rule points at the wrong package.
     */
    boolean hasCompiledClasses() {
        return Locations.ofPackage(basePackage).stream()
                .anyMatch(location -> NOT_A_TEST.includes(location) && isArtifactOf(location.asURI()));
    }

    static boolean anyHasCompiledClasses(QuickEatsModule... modules) {
        return Arrays.stream(modules).anyMatch(QuickEatsModule::hasCompiledClasses);
    }

    /** The module whose main artifact {@code uri} (a class file or a class path location) lies in. */
    static Optional<QuickEatsModule> owningArtifact(URI uri) {
        return Arrays.stream(values()).filter(m -> m.isArtifactOf(uri)).findFirst();
    }

    /** The module whose package tree holds {@code packageName}. */
    static Optional<QuickEatsModule> owningPackage(String packageName) {
        return Arrays.stream(values())
                .filter(m -> packageName.equals(m.basePackage) || packageName.startsWith(m.basePackage + "."))
                .findFirst();
    }
}
