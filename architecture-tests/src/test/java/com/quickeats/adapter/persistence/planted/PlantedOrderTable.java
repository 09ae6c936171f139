package com.quickeats.adapter.persistence.planted;

/** A persistence adapter class for the other planted classes to depend on. */
public class PlantedOrderTable {
    public void insert() {
        // nothing: only its type matters
    }
}
