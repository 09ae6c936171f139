package com.quickeats.order.application.port.in.planted;

import com.quickeats.order.application.planted.PlantedService;

/** A port (a record, so otherwise fine) that drags an application service along. */
public record PortReachingIntoAService(PlantedService service) {
}
