package com.quickeats.bootstrap.planted;

/** A composition root for another planted class to depend on. */
public final class PlantedMain {
}
