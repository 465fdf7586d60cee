package io.quarkiverse.lakebase;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * Qualifies the Databricks SDK {@code WorkspaceClient} that mints the application's Lakebase database tokens, when the
 * application has one already (custom authentication, a client another library configures):
 *
 * <pre>
 * &#64;Produces
 * &#64;Singleton
 * &#64;LakebaseWorkspace
 * WorkspaceClient lakebaseWorkspace() {
 *     return new WorkspaceClient(new DatabricksConfig().setHost(host).setCredentialsProvider(myProvider));
 * }
 * </pre>
 *
 * Every Lakebase datasource then mints with this client, and {@code quarkus.lakebase.databricks.*} is not used to build
 * one. The client is the application's: the extension neither configures nor closes it, so its own retry settings
 * apply. Tokens minted on behalf of signed-in users use each user's access token, never this client.
 */
@Qualifier
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface LakebaseWorkspace {
}
