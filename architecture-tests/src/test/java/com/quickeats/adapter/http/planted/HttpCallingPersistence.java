package com.quickeats.adapter.http.planted;

import com.quickeats.adapter.persistence.planted.PlantedOrderTable;

/** One adapter calling another instead of going through the application. */
public final class HttpCallingPersistence {
    public void handle() {
        new PlantedOrderTable().insert();
    }
}
