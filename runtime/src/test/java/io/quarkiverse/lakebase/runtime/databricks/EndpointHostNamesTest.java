package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** A host is the endpoint's whatever its case or a trailing root dot; any other host is not. */
class EndpointHostNamesTest {

    private final EndpointHostNames hosts = new EndpointHostNames(
            Set.of("ep-main.database.cloud.databricks.com", "ep-main-ro.database.cloud.databricks.com"));

    @Test
    void theEndpointsHostsAreAcceptedAsDnsComparesThem() {
        assertThat(hosts.accepts("ep-main.database.cloud.databricks.com")).isTrue();
        assertThat(hosts.accepts("EP-Main.Database.Cloud.Databricks.com.")).isTrue();
        assertThat(hosts.accepts("ep-main-ro.database.cloud.databricks.com")).isTrue();
    }

    @Test
    void anotherBranchsHostIsNot() {
        assertThat(hosts.accepts("ep-feature.database.cloud.databricks.com")).isFalse();
    }

    @Test
    void anEndpointThatListsNoHostAcceptsAny() {
        assertThat(new EndpointHostNames(Set.of()).accepts("10.0.0.7")).isTrue();
    }
}
