package com.quickeats.order.domain.planted;

import java.sql.Connection;

/** JDBC is {@code java..}, yet has no place in the domain. */
public final class DomainUsingJdbc {
    public void saveWith(Connection connection) {
        // the signature is the violation
    }
}
