package io.quarkiverse.lakebase.benchmark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool: its PKCS12 key store for Java servers, and its
 * certificate and key as PEM files for PostgreSQL.
 */
final class LoopbackCertificate {

    static final String PASSWORD = "changeit";
    private static final String ALIAS = "loopback";

    private final Path keyStore;
    private final Path certificate;

    private LoopbackCertificate(Path keyStore, Path certificate) {
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    static LoopbackCertificate create(String name) throws Exception {
        Path directory = Files.createTempDirectory("benchmark-" + name + "-tls");
        Path keyStore = directory.resolve(name + ".p12");
        Path certificate = directory.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        return new LoopbackCertificate(keyStore, certificate);
    }

    KeyStore keyStore() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    /** The certificate, PEM-encoded. */
    Path certificatePem() {
        return certificate;
    }

    /** The private key as an unencrypted PKCS #8 PEM file that only its owner may read, as PostgreSQL requires. */
    Path privateKeyPem() throws Exception {
        byte[] key = keyStore().getKey(ALIAS, PASSWORD.toCharArray()).getEncoded();
        Path file = certificate.resolveSibling(certificate.getFileName() + ".key");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key)
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * A copy of the trust store of the JDK at this home with this certificate added, so that a JVM of that JDK trusting
     * it loads as many, in the same format: a PKCS12 copy with keytool's default password protection would take twice
     * as long to load.
     */
    TrustStore trustStoreWithJdkCertificates(Path javaHome) throws Exception {
        Path jdkTrustStore = javaHome.resolve("lib").resolve("security").resolve("cacerts").toRealPath();
        String type = KeyStore.getInstance(jdkTrustStore.toFile(), PASSWORD.toCharArray()).getType();
        Path trustStore = certificate.resolveSibling("trust." + type.toLowerCase(Locale.ROOT));
        List<String> unprotected = type.equalsIgnoreCase("PKCS12")
                ? List.of("-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE")
                : List.of();
        List<String> copy = new ArrayList<>(List.of("-importkeystore", "-srckeystore", jdkTrustStore.toString(),
                "-srcstorepass", PASSWORD, "-destkeystore", trustStore.toString(), "-deststoretype", type,
                "-deststorepass", PASSWORD, "-noprompt"));
        copy.addAll(unprotected);
        keytool(copy.toArray(String[]::new));
        List<String> add = new ArrayList<>(List.of("-importcert", "-noprompt", "-alias", ALIAS, "-file",
                certificate.toString(), "-keystore", trustStore.toString(), "-storetype", type, "-storepass", PASSWORD));
        add.addAll(unprotected);
        keytool(add.toArray(String[]::new));
        return new TrustStore(trustStore, type);
    }

    /** A trust store file and its key store type. */
    record TrustStore(Path file, String type) {
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
