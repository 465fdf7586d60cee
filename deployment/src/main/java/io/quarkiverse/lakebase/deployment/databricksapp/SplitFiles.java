package io.quarkiverse.lakebase.deployment.databricksapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Splits files over the upload limit into parts under it, and records in {@value #INDEX} how the launcher joins each
 * one again: its path, size, SHA-256 and parts, all relative to the folder.
 */
final class SplitFiles {

    /** Read by {@code launcher.py}. */
    static final String INDEX = "split-files.json";
    /** Parts stay well under the limit, whatever a platform counts as a megabyte. */
    static final int PART_BYTES = 8 * 1024 * 1024;

    private SplitFiles() {
    }

    static void split(Path folder, List<Path> files) {
        List<Map<String, Object>> index = new ArrayList<>();
        for (Path file : files) {
            index.add(split(folder, file));
        }
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(folder.resolve(INDEX).toFile(), Map.of("files", index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> split(Path folder, Path file) {
        List<String> parts = new ArrayList<>();
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[PART_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int length;
            while ((length = in.readNBytes(buffer, 0, PART_BYTES)) > 0) {
                sha256.update(buffer, 0, length);
                Path part = file.resolveSibling(file.getFileName() + ".part" + (parts.size() + 1));
                try (OutputStream out = Files.newOutputStream(part)) {
                    out.write(buffer, 0, length);
                }
                parts.add(relative(folder, part));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", relative(folder, file));
            entry.put("size", Files.size(file));
            entry.put("sha256", HexFormat.of().formatHex(sha256.digest()));
            entry.put("parts", parts);
            Files.delete(file);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
