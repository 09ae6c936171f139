package com.quickeats.adapter.http.planted;

import com.quickeats.bootstrap.planted.PlantedMain;

/** An adapter depending on the composition root. */
public final class HttpReachingIntoBootstrap {
    public PlantedMain main;
}
