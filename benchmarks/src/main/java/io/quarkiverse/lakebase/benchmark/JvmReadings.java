package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running application's JVM reports of its memory and class loading, read with {@code jcmd}: the heap in use
 * (garbage included), the heap still live after a full collection, metaspace, and the time spent loading classes.
 */
record JvmReadings(double heapUsedMegabytes, double heapLiveMegabytes, double metaspaceMegabytes,
        double classLoadingMillis) {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern COUNTER = Pattern.compile("^(\\S+)=(\\d+)$", Pattern.MULTILINE);

    /** Reads the JVM of this process; collects its garbage on the way, so read it last. */
    static JvmReadings of(long pid) throws IOException, InterruptedException {
        String before = jcmd(pid, "GC.heap_info");
        String counters = jcmd(pid, "PerfCounter.print");
        jcmd(pid, "GC.run");
        String after = jcmd(pid, "GC.heap_info");
        double ticks = counter(counters, "sun.cls.time");
        double frequency = counter(counters, "sun.os.hrt.frequency");
        return new JvmReadings(kilobytes(HEAP_USED, before) / 1024.0, kilobytes(HEAP_USED, after) / 1024.0,
                kilobytes(METASPACE_USED, before) / 1024.0, ticks / frequency * 1000);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private static long kilobytes(Pattern pattern, String output) {
        Matcher match = pattern.matcher(output);
        return match.find() ? Long.parseLong(match.group(1)) : -1;
    }

    private static double counter(String counters, String name) {
        Matcher match = COUNTER.matcher(counters);
        while (match.find()) {
            if (match.group(1).equals(name)) {
                return Long.parseLong(match.group(2));
            }
        }
        return Double.NaN;
    }
}
