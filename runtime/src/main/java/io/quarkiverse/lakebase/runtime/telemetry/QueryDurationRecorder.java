package io.quarkiverse.lakebase.runtime.telemetry;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Records {@code lakebase.query.duration} from the statement spans of Quarkus' JDBC telemetry
 * ({@code quarkus.datasource.jdbc.telemetry=true}), with low-cardinality attributes only: never the SQL text or its
 * parameters.
 */
@Singleton
public class QueryDurationRecorder implements SpanProcessor {

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");

    private final Instance<OpenTelemetry> openTelemetry;
    private volatile DoubleHistogram duration;

    public QueryDurationRecorder(Instance<OpenTelemetry> openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        String system = span.getAttribute(DB_SYSTEM);
        if (system == null || !span.getInstrumentationScopeInfo().getName().contains("jdbc")) {
            return;
        }
        String operation = span.getAttribute(DB_OPERATION_NAME);
        if (operation == null) {
            operation = span.getAttribute(DB_OPERATION);
        }
        histogram().record(span.getLatencyNanos() / 1e9,
                Attributes.of(DB_SYSTEM, system, DB_OPERATION_NAME, operation == null ? "other" : operation));
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    private DoubleHistogram histogram() {
        DoubleHistogram histogram = duration;
        if (histogram == null) {
            // looked up late: the OpenTelemetry SDK is built from the span processors, this one included
            histogram = openTelemetry.get().getMeter(LakebaseTelemetry.SCOPE)
                    .histogramBuilder("lakebase.query.duration").setUnit("s")
                    .setDescription("Duration of statements run on the Lakebase datasource").build();
            duration = histogram;
        }
        return histogram;
    }
}
