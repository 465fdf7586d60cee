package io.quarkiverse.lakebase;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Qualifies the {@link javax.sql.DataSource} whose connections log in to the default Lakebase datasource as the
 * signed-in user of the current HTTP request, with a database token minted with that user's forwarded access token
 * ({@code X-Forwarded-Access-Token}, which Databricks Apps sends when the app has user authorization). PostgreSQL's
 * grants and row-level security then apply to the user.
 *
 * <pre>
 * &#64;Inject
 * &#64;OnBehalfOfUser
 * DataSource userDataSource;
 * </pre>
 *
 * Each user has a small pool of their own; a connection, a token or a pool of one user is never handed to another.
 * Needs the application's HTTP layer ({@code quarkus-rest} or another extension on {@code quarkus-vertx-http}).
 */
@Qualifier
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface OnBehalfOfUser {

    /** The qualifier as a value, for {@code Instance.select(...)}. */
    final class Literal extends AnnotationLiteral<OnBehalfOfUser> implements OnBehalfOfUser {

        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
