package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running application's JVM reports of its memory and class loading, read with {@code jcmd}: the heap in use
 * (garbage included), the heap still live after a full collection, metaspace, the time spent loading classes, and,
 * when the JVM tracks its native memory ({@code -XX:NativeMemoryTracking=summary}), the memory it committed by category
 * ({@code Total} for all of them), before the collection; and how much of the class data archive the JVM mapped (the
 * JDK's CDS archive, or an AOT cache) is resident, read from {@code /proc/<pid>/smaps}.
 */
record JvmReadings(double heapUsedMegabytes, double heapLiveMegabytes, double metaspaceMegabytes,
        double classLoadingMillis, Map<String, Double> committedMegabytes, double archiveResidentMegabytes) {

    /** The option that makes a JVM track the native memory read into {@link #committedMegabytes}. */
    static final String TRACK_NATIVE_MEMORY = "-XX:NativeMemoryTracking=summary";

    // Java 17: "heap   total 98304K, used 45000K";
    // Java 25: "heap   total reserved 6172672K, committed 98304K, used 45000K"
    private static final Pattern HEAP_USED = Pattern
            .compile("heap\\s+total (?:reserved \\d+K, committed )?\\d+K, used (\\d+)K");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");
    // "Total: reserved=7991617KB, committed=288860KB" and "-     Java Heap (reserved=6172672KB, committed=98304KB)"
    private static final Pattern COMMITTED = Pattern
            .compile("^(?:-\\s+)?(\\w[^(:\\n]*?)\\s*[(:]\\s*reserved=\\d+KB, committed=(\\d+)KB", Pattern.MULTILINE);
    // the first line of a mapping: "7f12a0000000-7f12a2000000 r--p 00000000 08:01 1234   /path/app.aot"
    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ ");
    private static final Pattern COUNTER = Pattern.compile("^(\\S+)=(\\d+)$", Pattern.MULTILINE);

    /** Reads the JVM of this process; collects its garbage on the way, so read it last. */
    static JvmReadings of(long pid) throws IOException, InterruptedException {
        String before = jcmd(pid, "GC.heap_info");
        Map<String, Double> committed = committedMegabytes(jcmd(pid, "VM.native_memory summary"));
        double archiveResident = archiveResidentMegabytes(pid);
        String counters = jcmd(pid, "PerfCounter.print");
        jcmd(pid, "GC.run");
        String after = jcmd(pid, "GC.heap_info");
        double ticks = counter(counters, "sun.cls.time");
        double frequency = counter(counters, "sun.os.hrt.frequency");
        return new JvmReadings(kilobytes(HEAP_USED, before) / 1024.0, kilobytes(HEAP_USED, after) / 1024.0,
                kilobytes(METASPACE_USED, before) / 1024.0, ticks / frequency * 1000, committed,
                archiveResident);
    }

    /** The resident part of the mappings of a {@code .jsa} or {@code .aot} file. */
    private static double archiveResidentMegabytes(long pid) throws IOException {
        long kilobytes = 0;
        boolean inArchive = false;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps"))) {
            if (MAPPING.matcher(line).find()) {
                inArchive = line.endsWith(".jsa") || line.endsWith(".aot");
            } else if (inArchive && line.startsWith("Rss:")) {
                kilobytes += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kilobytes / 1024.0;
    }

    /** Empty when the JVM does not track its native memory. */
    private static Map<String, Double> committedMegabytes(String summary) {
        Map<String, Double> committed = new LinkedHashMap<>();
        Matcher category = COMMITTED.matcher(summary);
        while (category.find()) {
            committed.put(category.group(1).trim(), Long.parseLong(category.group(2)) / 1024.0);
        }
        return committed;
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
