package com.quickeats.order.application.planted;

import com.quickeats.adapter.persistence.planted.PlantedOrderTable;

/** A use case calling an adapter directly instead of a port. */
public final class ApplicationCallingAnAdapter {
    public void run(PlantedOrderTable table) {
        table.insert();
    }
}
