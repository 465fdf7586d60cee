package io.quarkiverse.lakebase.deployment.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.core.oauth.OAuthResponse;
import com.databricks.sdk.core.oauth.OpenIDConnectEndpoints;
import com.databricks.sdk.service.iam.User;
import com.databricks.sdk.service.postgres.DatabaseCredential;
import com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest;

import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * The native registrations the extension produces for the Databricks SDK: every class it binds exists, every SDK type
 * those classes hold is registered too, and each registration keeps what Jackson needs and says why.
 */
class NativeRegistrationsTest {

    private final List<ReflectiveClassBuildItem> produced = registrations();

    @Test
    void theBodiesOfTheCallsTheExtensionMakesAreRegistered() {
        assertThat(registered()).contains(GenerateDatabaseCredentialRequest.class.getName(),
                DatabaseCredential.class.getName(), User.class.getName(), OpenIDConnectEndpoints.class.getName(),
                OAuthResponse.class.getName(), "com.databricks.sdk.core.error.ApiErrorBody",
                "com.databricks.sdk.core.DatabricksConfig");
    }

    @Test
    void everyRegisteredClassExists() {
        for (String name : registered()) {
            assertThat(load(name)).as(name).isNotNull();
        }
    }

    @Test
    void everySdkTypeARegisteredModelHoldsIsRegistered() {
        Set<String> registered = registered();
        for (String name : DatabricksSdkReflection.jsonModels()) {
            for (Field field : load(name).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                for (Class<?> held : heldTypes(field.getGenericType())) {
                    if (held.getName().startsWith("com.databricks.sdk.")) {
                        assertThat(registered).as(name + "." + field.getName()).contains(held.getName());
                    }
                }
            }
        }
    }

    @Test
    void jsonBindingKeepsConstructorsAccessorsAndFieldsAndSaysWhy() {
        for (ReflectiveClassBuildItem item : produced) {
            assertThat(item.getReason()).as("reason of " + item.getClassNames()).isNotBlank();
            assertThat(item.isMethods() && item.isFields()).as(item.getClassNames().toString()).isTrue();
        }
        assertThat(produced.stream().filter(item -> item.getClassNames().contains(DatabaseCredential.class.getName())))
                .singleElement().satisfies(item -> assertThat(item.isConstructors()).isTrue());
    }

    @Test
    void theErrorDetailsAreFoundInTheIndexGeneratedClassesIncluded() {
        assertThat(registered()).contains("com.databricks.sdk.core.error.details.ErrorDetails",
                "com.databricks.sdk.core.error.details.AutoValue_ErrorDetails",
                "com.databricks.sdk.core.error.details.AutoValue_ErrorDetails$Builder",
                "com.databricks.sdk.core.error.details.ErrorDetailsDeserializer",
                "com.databricks.sdk.core.error.details.AutoValue_RetryInfo");
    }

    private static List<ReflectiveClassBuildItem> registrations() {
        List<ReflectiveClassBuildItem> items = new ArrayList<>();
        IndexView sdk = sdkIndex();
        new NativeImageProcessor().registerSdkJsonModels(new CombinedIndexBuildItem(sdk, sdk), items::add);
        return items;
    }

    /** The Databricks SDK's JAR indexed, as the build indexes it for a native image. */
    private static IndexView sdkIndex() {
        Indexer indexer = new Indexer();
        try (JarFile jar = new JarFile(Path.of(DatabaseCredential.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        indexer.index(in);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not index the Databricks SDK", e);
        }
        return indexer.complete();
    }

    private Set<String> registered() {
        Set<String> names = new HashSet<>();
        produced.forEach(item -> names.addAll(item.getClassNames()));
        return names;
    }

    private static List<Class<?>> heldTypes(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            types.add(plain);
        } else if (type instanceof ParameterizedType generic) {
            types.addAll(heldTypes(generic.getRawType()));
            for (Type argument : generic.getActualTypeArguments()) {
                types.addAll(heldTypes(argument));
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeRegistrationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not in the Databricks SDK: " + name, e);
        }
    }
}
