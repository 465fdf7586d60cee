package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The workspace emulator behind HTTPS, as a real workspace is: a TLS front that forwards each connection to the
 * emulator's plain-HTTP port, with a certificate for 127.0.0.1 that the applications trust through a copy of the JDK's
 * trust store (so that they load as many certificates as with the JDK's own).
 */
final class WorkspaceOverTls implements AutoCloseable {

    private final ServerSocket front;
    private final LoopbackCertificate.TrustStore trustStore;

    private WorkspaceOverTls(ServerSocket front, LoopbackCertificate.TrustStore trustStore) {
        this.front = front;
        this.trustStore = trustStore;
    }

    static WorkspaceOverTls start(String workspaceUrl) throws Exception {
        return start(workspaceUrl, Path.of(System.getProperty("java.home")));
    }

    /** The same, for applications started on the JDK at this home: their trust store is a copy of that JDK's. */
    static WorkspaceOverTls start(String workspaceUrl, Path javaHome) throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.create("workspace");
        LoopbackCertificate.TrustStore trustStore = certificate.trustStoreWithJdkCertificates(javaHome);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(certificate.keyStore(), LoopbackCertificate.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        ServerSocket front = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int emulatorPort = URI.create(workspaceUrl).getPort();
        Thread acceptor = new Thread(() -> forwardEach(front, emulatorPort), "benchmark-tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
        return new WorkspaceOverTls(front, trustStore);
    }

    String url() {
        return "https://127.0.0.1:" + front.getLocalPort();
    }

    /** The options that make an application's JVM trust the front's certificate. */
    List<String> javaOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore.file(),
                "-Djavax.net.ssl.trustStorePassword=" + LoopbackCertificate.PASSWORD,
                "-Djavax.net.ssl.trustStoreType=" + trustStore.type());
    }

    @Override
    public void close() throws IOException {
        front.close();
    }

    private static void forwardEach(ServerSocket front, int emulatorPort) {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                Socket emulator = new Socket();
                emulator.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), emulatorPort));
                pump(client, emulator);
                pump(emulator, client);
            } catch (IOException e) {
                // the front was closed, or one connection failed: the application sees that connection fail
            }
        }
    }

    /** Copies one direction of a connection on a thread of its own, closing both sockets at its end. */
    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other direction closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "benchmark-tls-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
