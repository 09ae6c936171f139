package com.quickeats.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports the main classes of QuickEats' own modules and nothing else: each module's
 * {@code target/classes} or main jar. Third-party jars, {@code -tests.jar}s and this module's own test
 * classes (where the planted violations live) are left out.
 */
public final class OnlyQuickEatsModules implements ImportOption {
    @Override
    public boolean includes(Location location) {
        return QuickEatsModule.owningArtifact(location.asURI()).isPresent();
    }
}
