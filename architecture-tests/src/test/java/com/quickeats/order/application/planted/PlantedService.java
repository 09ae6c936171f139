package com.quickeats.order.application.planted;

/** An application service; a port must not depend on it. */
public final class PlantedService {
}
