package io.quarkiverse.lakebase.it;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Requests succeed across token rotations, against the packaged application and the local Lakebase. */
@QuarkusIntegrationTest
@TestProfile(ShortLivedTokens.class)
class TokenRotationIT {

    @Test
    void requestsSucceedAcrossRotationsWithOneMintPerRotation() {
        RotatingOrders.placeAcrossRotations("rotation-it", 3);
    }
}
