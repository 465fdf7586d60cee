package io.quarkiverse.lakebase.it;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** Exporters that keep what the real OpenTelemetry SDK exports, so tests can read it. */
public class InMemoryTelemetry {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }

    @Produces
    @Singleton
    InMemoryMetricExporter metrics() {
        return InMemoryMetricExporter.create();
    }
}
