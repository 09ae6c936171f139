package com.quickeats.order.application.port.in;

import java.util.Set;

/**
 * Which version(s) of an order the caller based a state-changing action on (HTTP: {@code If-Match}).
 * Actions refuse to run without one.
 */
public sealed interface Precondition {

    boolean matches(long currentVersion);

    /** The caller said nothing. */
    record Missing() implements Precondition {
        @Override
        public boolean matches(long currentVersion) {
            return false;
        }
    }

    /** Any existing version will do ({@code If-Match: *}). */
    record AnyVersion() implements Precondition {
        @Override
        public boolean matches(long currentVersion) {
            return true;
        }
    }

    /** One of these versions (empty when nothing the caller sent could match, e.g. only weak tags). */
    record OneOf(Set<Long> versions) implements Precondition {
        public OneOf {
            versions = Set.copyOf(versions);
        }

        @Override
        public boolean matches(long currentVersion) {
            return versions.contains(currentVersion);
        }
    }

    static Precondition version(long version) {
        return new OneOf(Set.of(version));
    }
}
