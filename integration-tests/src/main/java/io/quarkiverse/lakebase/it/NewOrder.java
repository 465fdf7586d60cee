package io.quarkiverse.lakebase.it;

/** What a client sends to place an order. */
public record NewOrder(String userId, String product, int quantity) {
}
