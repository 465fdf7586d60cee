package io.quarkiverse.lakebase.it;

import java.time.OffsetDateTime;

/** An order as the API shows it. */
public record Order(long id, String userId, String product, int quantity, OffsetDateTime createdAt) {
}
