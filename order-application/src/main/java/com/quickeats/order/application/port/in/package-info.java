/**
 * The language adapters use to call the use cases: self-validating commands and queries, preconditions,
 * and the results that come back.
 */
package com.quickeats.order.application.port.in;
