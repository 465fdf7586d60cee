/**
 * Minting tokens and reading the role through the Databricks SDK for Java.
 * <p>
 * Couplings, and what breaks if they change:
 * <ul>
 * <li>The SDK's own retries are off: the token cache owns retries. To honour a {@code Retry-After}, which the SDK's
 * error does not carry, {@link io.quarkiverse.lakebase.runtime.databricks.RetryAfterHttpClient} keeps it in a
 * thread-local that the token source reads on the same thread. This relies on the SDK calling its HTTP client
 * synchronously on the caller's thread; if it stops doing so, the delay is lost and
 * {@code WorkspaceFaultsTest.aThrottledRefreshWaitsWhatTheWorkspaceAskedFor} and
 * {@code StartupWaitsForTheThrottledWorkspaceTest} fail.</li>
 * <li>The SDK's credential object prints the token in its {@code toString()}: it is never logged or kept. Its HTTP
 * client logs headers and bodies below INFO, which the deployment module holds at INFO
 * ({@code SecretsStayOutOfLogsTest}, every category at TRACE).</li>
 * <li>{@link io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis} builds the two services it calls on an
 * {@code ApiClient}, as the SDK's {@code WorkspaceClient} constructor does for all of them, so that the others are
 * never loaded. If the SDK's services come to need more than the {@code ApiClient}, minting fails everywhere
 * ({@code WorkspaceUsernameTest} and every test that starts an application).</li>
 * <li>The service principal's OAuth token comes from
 * {@link io.quarkiverse.lakebase.runtime.databricks.ServicePrincipalCredentialsProvider}, which repeats what the SDK's
 * {@code OAuthM2MServicePrincipalCredentialsProvider} does without the Apache client that one builds first. If the SDK
 * changes its token request or its errors, {@code ServicePrincipalCredentialsProviderTest}, which compares the two
 * against one server, fails.</li>
 * </ul>
 */
package io.quarkiverse.lakebase.runtime.databricks;
