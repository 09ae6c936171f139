package com.quickeats.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;

/**
 * Accesses that read the machine's clock instead of a {@code Clock} or an {@code Instant} handed in:
 * {@code now()} / {@code now(ZoneId)} of every {@code java.time} type, {@code System.currentTimeMillis()}
 * and {@code nanoTime()}, the {@code Clock.system*} and {@code InstantSource.system()} factories, and
 * {@code new Date()}. Calls and method references ({@code Instant::now}) alike. {@code Instant.now(clock)}
 * is fine: the clock came from outside.
 */
final class SystemClockReads {
    private static final Set<String> CLOCK_FACTORIES = Set.of("systemUTC", "systemDefaultZone", "system");

    private SystemClockReads() {
    }

    static DescribedPredicate<JavaAccess<?>> readTheSystemClock() {
        return DescribedPredicate.describe("read the system clock", access -> reads(access.getTarget()));
    }

    private static boolean reads(AccessTarget target) {
        if (!(target instanceof AccessTarget.CodeUnitAccessTarget)) {
            return false;
        }
        String owner = target.getOwner().getName();
        String name = target.getName();
        List<JavaClass> params = ((AccessTarget.CodeUnitAccessTarget) target).getRawParameterTypes();
        if (owner.startsWith("java.time.") && name.equals("now")) {
            return params.isEmpty() || params.get(0).getName().equals("java.time.ZoneId");
        }
        return switch (owner) {
            case "java.lang.System" -> name.equals("currentTimeMillis") || name.equals("nanoTime");
            case "java.time.Clock", "java.time.InstantSource" -> CLOCK_FACTORIES.contains(name);
            case "java.util.Date" -> name.equals("<init>") && params.isEmpty();
            default -> false;
        };
    }
}
