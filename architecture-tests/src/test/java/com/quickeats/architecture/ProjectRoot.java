package com.quickeats.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, found by walking up from the working directory to the parent POM. */
final class ProjectRoot {
    private static final Path ROOT = find();

    private ProjectRoot() {
    }

    static Path path() {
        return ROOT;
    }

    private static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no QuickEats parent pom.xml (the one listing <module>architecture-tests"
                + "</module>) in " + start + " or any folder above it");
    }

    private static boolean isParentPom(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<module>architecture-tests</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
