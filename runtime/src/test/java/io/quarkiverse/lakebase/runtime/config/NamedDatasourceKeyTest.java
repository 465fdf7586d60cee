package io.quarkiverse.lakebase.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithName;

/** Which keys configure a named datasource. */
class NamedDatasourceKeyTest {

    @Test
    void theListedPropertiesAreThoseOfTheConfigurationInterfaces() {
        Set<String> properties = propertiesOf(LakebaseDatasourceConfig.class);
        assertThat(NamedDatasourceKey.PROPERTIES).as("a datasource's properties, as in LakebaseDatasourceConfig")
                .containsExactlyInAnyOrderElementsOf(properties);

        Set<String> reserved = new HashSet<>();
        properties.forEach(property -> reserved.add(property.endsWith(".") ? property.substring(0, property.length() - 1)
                : property));
        for (Method method : mappingMethods(LakebaseBuildTimeConfig.class)) {
            reserved.add(nameOf(method).split("\\.")[0]);
        }
        assertThat(NamedDatasourceKey.RESERVED).as("the default datasource's first segments and the build-time ones")
                .containsExactlyInAnyOrderElementsOf(reserved);
    }

    @Test
    void quotedAndUnquotedNamesOfANamedDatasource() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"reports\".host"))
                .hasValue(new NamedDatasourceKey("reports", true, "host"));
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.token.ttl"))
                .hasValue(new NamedDatasourceKey("reports", false, "token.ttl"));
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.pool.max-lifetime-jitter")).isPresent();
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.wake-up-timeout")).isPresent();
    }

    @Test
    void theDefaultDatasourcesGroupsAndTheBuildTimeSettingsAreNoDatasources() {
        for (String key : new String[] { "quarkus.lakebase.token.ttl", "quarkus.lakebase.databricks.host",
                "quarkus.lakebase.pool.max-lifetime-jitter", "quarkus.lakebase.devservices.enabled",
                "quarkus.lakebase.health.enabled", "quarkus.lakebase.databricks-app.name", "quarkus.lakebase.host" }) {
            assertThat(NamedDatasourceKey.parse(key)).as(key).isEmpty();
        }
    }

    @Test
    void aQuotedNameMayBeAGroupsName() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"token\".host"))
                .hasValue(new NamedDatasourceKey("token", true, "host"));
    }

    @Test
    void whatNoDatasourceHasIsNoDatasourceProperty() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.colour")).isEmpty();
        assertThat(NamedDatasourceKey.parse("quarkus.datasource.reports.host")).isEmpty();
    }

    @Test
    void eachSpellingFindsTheOther() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"reports\".host").orElseThrow().otherSpelling())
                .hasValue("quarkus.lakebase.reports.host");
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.host").orElseThrow().otherSpelling())
                .hasValue("quarkus.lakebase.\"reports\".host");
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"eu.reports\".host").orElseThrow().otherSpelling())
                .as("a dotted name has no unquoted spelling").isEmpty();
    }

    private static Set<String> propertiesOf(Class<?> config) {
        Set<String> properties = new HashSet<>();
        for (Method method : mappingMethods(config)) {
            boolean group = method.getReturnType().isAnnotationPresent(ConfigGroup.class);
            properties.add(nameOf(method) + (group ? "." : ""));
        }
        return properties;
    }

    private static Set<Method> mappingMethods(Class<?> config) {
        Set<Method> methods = new HashSet<>();
        for (Method method : config.getMethods()) {
            if (method.getParameterCount() == 0 && !method.isDefault()) {
                methods.add(method);
            }
        }
        return methods;
    }

    /** The property name of a mapping method: its {@link WithName}, or its name in kebab case. */
    private static String nameOf(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
