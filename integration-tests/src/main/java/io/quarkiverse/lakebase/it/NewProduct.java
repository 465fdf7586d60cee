package io.quarkiverse.lakebase.it;

import java.math.BigDecimal;

/** What a client sends to add a product to the catalog. */
public record NewProduct(String name, BigDecimal unitPrice) {
}
