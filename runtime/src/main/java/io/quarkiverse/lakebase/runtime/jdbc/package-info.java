/**
 * The PostgreSQL driver of the Lakebase datasources and the registry it reports to.
 * <p>
 * Couplings, and what breaks if they change:
 * <ul>
 * <li>Agroal instantiates {@link io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver} by class name
 * ({@code quarkus.datasource.jdbc.driver}), outside CDI. So the driver reaches the application through the static
 * {@link io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents}: listeners and logins are registered at start-up and
 * removed when the bean container stops, including after a failed start and on a dev-mode restart
 * ({@code DevModeRestartsLeaveNothingBehindTest} fails if they pile up).</li>
 * <li>The driver is not told which datasource it connects for: a refused password is matched to the login whose token
 * cache issued it, and the longest {@code wake-up-timeout} of all datasources applies to every one
 * ({@code WakeUpRetryTest}, {@code NamedDatasourcesTest}).</li>
 * <li>Agroal copies every entry of the credentials provider's map into the driver properties; that is how a login
 * that could not be had reaches the driver, as {@code lakebase.token-unavailable}, and becomes an
 * {@link java.sql.SQLException} with the reason ({@code LenientStartupTest} fails if Agroal stops copying entries).</li>
 * </ul>
 */
package io.quarkiverse.lakebase.runtime.jdbc;
