/**
 * The PostgreSQL adapter of QuickEats: JDBI 3 over a {@link javax.sql.DataSource}, the schema by Flyway
 * migrations, and the outbound ports of the application ({@code OrderRepository}, {@code RestaurantCatalog},
 * {@code IdempotencyStore}, {@code TransactionRunner}).
 *
 * <p>The public surface is {@link com.quickeats.adapter.persistence.PersistenceAdapters}: ports over a data
 * source the caller owns (the composition root's pool); everything else, JDBI included, stays inside this
 * package.
 */
package com.quickeats.adapter.persistence;
