package com.quickeats.bootstrap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build is running — the version, the git commit it was built from (when the build could ask git)
 * and the Java runtime — for {@code --version} and the {@code quickeats_build_info} gauge, so an operator
 * can tell which instances run what.
 */
record BuildInfo(String version, String commit, String javaVersion) {
    static final String VERSION_FLAG = "--version";
    static final String RESOURCE = "quickeats-build.properties";
    private static final String UNKNOWN = "unknown";

    static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(known(properties.getProperty("version")), known(properties.getProperty("commit")),
                System.getProperty("java.version"));
    }

    /** A value the build did not fill in (no git, or a build without resource filtering) is "unknown". */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
    }

    String versionLine() {
        return "quickeats " + version + " (commit " + commit + ", Java " + javaVersion + ")";
    }

    /** {@code quickeats_build_info{version,commit,java_version} 1}: the labels carry the facts. */
    void register(MeterRegistry registry) {
        Gauge.builder("quickeats.build.info", () -> 1)
                .description("The running build: version, git commit and Java runtime")
                .tags("version", version, "commit", commit, "java_version", javaVersion)
                .register(registry);
    }
}
