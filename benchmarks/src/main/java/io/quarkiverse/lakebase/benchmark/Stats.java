package io.quarkiverse.lakebase.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of one trial's samples, and min / median / max across trials. */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Double> samples, double percentile) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static double median(List<Double> samples) {
        return percentile(samples, 50);
    }

    /** "min / median / max" of per-trial values. */
    static String spread(List<Double> perTrial, String format) {
        List<Double> sorted = new ArrayList<>(perTrial);
        Collections.sort(sorted);
        return String.format(format + " / " + format + " / " + format, sorted.get(0), median(sorted),
                sorted.get(sorted.size() - 1));
    }
}
