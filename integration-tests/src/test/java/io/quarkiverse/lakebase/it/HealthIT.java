package io.quarkiverse.lakebase.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The readiness check through an outage, against the packaged application. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
