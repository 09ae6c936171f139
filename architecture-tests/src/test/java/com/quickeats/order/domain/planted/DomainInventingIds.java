package com.quickeats.order.domain.planted;

import java.util.Random;
import java.util.UUID;

/** Identities made up inside the domain instead of coming from the repository. */
public final class DomainInventingIds {
    public UUID randomId() {
        return UUID.randomUUID();
    }

    public long randomNumber() {
        return new Random().nextLong();
    }
}
