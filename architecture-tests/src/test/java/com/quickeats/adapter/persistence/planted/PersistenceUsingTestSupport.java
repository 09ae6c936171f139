package com.quickeats.adapter.persistence.planted;

import com.quickeats.testing.planted.PlantedTestDatabase;

/** Production code leaning on a test helper. */
public final class PersistenceUsingTestSupport {
    public PlantedTestDatabase database;
}
