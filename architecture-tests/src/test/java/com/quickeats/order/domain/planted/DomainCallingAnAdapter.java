package com.quickeats.order.domain.planted;

import com.quickeats.adapter.persistence.planted.PlantedOrderTable;

/** The domain reaching outwards, into an adapter. */
public final class DomainCallingAnAdapter {
    public PlantedOrderTable table;
}
