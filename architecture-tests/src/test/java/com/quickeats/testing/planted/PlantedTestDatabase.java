package com.quickeats.testing.planted;

/** A test helper for a planted production class to depend on. */
public final class PlantedTestDatabase {
}
