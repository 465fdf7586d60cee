/**
 * The public API of the Lakebase extension: what an application injects ({@link io.quarkiverse.lakebase.Lakebase}),
 * what it receives ({@link io.quarkiverse.lakebase.QueryResult}, {@link io.quarkiverse.lakebase.LakebaseConnectionConfig},
 * {@link io.quarkiverse.lakebase.LakebaseStatus}), the beans it may provide to be told of token refreshes
 * ({@link io.quarkiverse.lakebase.RefreshListener}) and of connection failures
 * ({@link io.quarkiverse.lakebase.ConnectionListener}), and the exceptions it may catch. Everything under
 * {@code io.quarkiverse.lakebase.runtime} is the implementation and may change without notice.
 */
package io.quarkiverse.lakebase;
