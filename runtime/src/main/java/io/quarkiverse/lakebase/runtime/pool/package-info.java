/**
 * Staggered connection lifetimes, as an Agroal pool interceptor.
 * <p>
 * Coupling: {@link io.quarkiverse.lakebase.runtime.pool.PoolEntry} is the one place that uses agroal-pool's
 * implementation rather than its API: the connection an interceptor is given is a {@code ConnectionWrapper} whose
 * {@code getHandler()} is the pool entry, a {@code TransactionAware} that can be marked flush-only. If an Agroal upgrade
 * changes that, the interceptor turns itself off with one WARN and the pool keeps working with Agroal's own max
 * lifetime ({@code StaggeredRetirementTest}); {@code StaggeredLifetimeTest} then fails, saying the lifetimes no longer
 * spread.
 */
package io.quarkiverse.lakebase.runtime.pool;
