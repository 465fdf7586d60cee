package io.quarkiverse.lakebase.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The orders API, against the packaged application (the jar, or the native binary with {@code -Dnative}). */
@QuarkusIntegrationTest
class OrderResourceIT extends OrderResourceTest {
}
