package com.quickeats.order.application.port.out;

import java.util.function.Supplier;

/**
 * A unit of work: everything {@code work} reads and writes through the ports commits together or not at
 * all. A call made while a unit of work is already open on this thread joins it; only the outermost
 * call commits (on return) or rolls back (when anything is thrown).
 */
public interface TransactionRunner {
    <T> T inTransaction(Supplier<T> work);
}
