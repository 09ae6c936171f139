package com.quickeats.stray.planted;

/** A class in a package no module owns, so no rule would ever look at it. */
public final class StrayClass {
}
