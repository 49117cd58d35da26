package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's device port on Payara: an HTTPS listener of its own ({@value #PORT}) for gateways, separate
 * from the browser ports, serving only the device API and EST (the platform's {@code ListenerPaths}). A client
 * certificate is asked for, not required in the handshake: first enrollment ({@code simpleenroll}, {@code /cacerts})
 * is TLS with server authentication only, every device resource and renewal requires the certificate in the
 * application. The key store (server certificate) and the trust store
 * (only the platform root CA) are the ones the platform writes at deploy into
 * {@code <domain>/smgw-pki/device-port/}. TLS 1.2 and 1.3 only, with the TR-03116-3 suites: ECDHE-ECDSA with
 * AES-GCM, no RSA key exchange, no CBC; client-initiated renegotiation is refused (JVM option, effective from
 * the next start of the domain; TLS 1.3 has no renegotiation at all). Time limits ({@link #timeLimits}) keep a slow
 * client from holding a request thread for minutes.
 *
 * <p>{@link #configure} is idempotent: it creates what is missing and sets every attribute again.
 */
public final class DevicePort {

    public static final int PORT = 8443;
    public static final String NAME = "device-port";
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    static final String REJECT_RENEGOTIATION = "-Djdk.tls.rejectClientInitiatedRenegotiation=true";
    /** Longest a request may take in all: the longest TAF 6 long poll (60 s) plus its 30 s grace, with a margin. */
    public static final int REQUEST_TIMEOUT_SECONDS = 100;
    /** Longest an idle keep-alive connection stays open. */
    public static final int KEEP_ALIVE_SECONDS = 30;
    /** Longest pause while a request body arrives (a client trickling its upload is cut off). */
    public static final int UPLOAD_PAUSE_MILLIS = 30_000;
    private static final String PROTOCOL = "configs.config.server-config.network-config.protocols.protocol." + NAME + ".";
    private static final String SSL = PROTOCOL + "ssl.";
    private static final Duration STORES_TIMEOUT = Duration.ofSeconds(60);

    private DevicePort() {
    }

    /** Where the platform writes the port's stores: {@code $SMGW_PKI_DIR/device-port}, by default in the domain. */
    public static Path storesDir(Path payaraHome) {
        String configured = System.getenv("SMGW_PKI_DIR");
        Path pkiDir = configured == null || configured.isBlank()
                ? payaraHome.resolve("glassfish/domains/" + PayaraServer.DOMAIN + "/smgw-pki") : Path.of(configured);
        return pkiDir.resolve("device-port");
    }

    /**
     * Creates or updates the listener on the running domain of {@code payaraHome}, after the platform was
     * deployed (it writes the stores). Returns when the listener is configured.
     *
     * @throws StartupException if the stores do not appear or asadmin fails
     */
    public static void configure(Path payaraHome, Path log) {
        Path stores = storesDir(payaraHome);
        awaitStores(stores, log);
        String password;
        try {
            password = Files.readString(stores.resolve("store-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> commands = new ArrayList<>();
        if (!asadminOutput(payaraHome, "list-protocols").contains(NAME)) {
            commands.add("create-protocol --securityenabled=true " + NAME);
            commands.add("create-http --default-virtual-server server " + NAME);
        }
        if (!asadminOutput(payaraHome, "list-network-listeners").contains(NAME)) {
            // on a security-enabled protocol this creates the (empty) ssl element as well
            commands.add("create-network-listener --listenerport " + PORT + " --protocol " + NAME
                    + " --threadpool http-thread-pool --enabled=false " + NAME);
        }
        // The plain JSSE implementation honours the listener's own stores; Payara's default one uses the domain's.
        // Store types: Payara accepts only JKS, NSS or PKCS11 as names and loads with "JKS", which reads the
        // PKCS#12 files the platform writes (JDK keystore.type.compat, on by default).
        commands.add("set " + SSL + "classname=org.glassfish.grizzly.config.ssl.JSSEImplementation");
        commands.add("set " + SSL + "key-store=" + stores.resolve("keystore.p12"));
        commands.add("set " + SSL + "key-store-password-provider=plain");
        commands.add("set " + SSL + "key-store-password=" + password);
        commands.add("set " + SSL + "trust-store=" + stores.resolve("truststore.p12"));
        commands.add("set " + SSL + "trust-store-password-provider=plain");
        commands.add("set " + SSL + "trust-store-password=" + password);
        commands.add("set " + SSL + "cert-nickname=device-port");
        // "want", not "need": a gateway without a certificate yet does TLS with server authentication for its first
        // simpleenroll and /cacerts; the platform requires the certificate for /api/device/* and renewal itself.
        // A certificate that is presented must still chain to the trust store. No renegotiation to ask again.
        commands.add("set " + SSL + "client-auth-enabled=false");
        commands.add("set " + SSL + "client-auth=want");
        commands.add("set " + SSL + "ssl3-tls-ciphers=" + String.join(",", CIPHER_SUITES));
        commands.add("set " + SSL + "tls12-enabled=true");
        commands.add("set " + SSL + "tls13-enabled=true");
        commands.add("set " + SSL + "tls-rollback-enabled=false");
        commands.add("set " + SSL + "renegotiate-on-client-auth-want=false");
        commands.addAll(timeLimits());
        commands.add("set configs.config.server-config.network-config.network-listeners.network-listener." + NAME + ".enabled=true");
        if (!asadminOutput(payaraHome, "list-jvm-options").contains(REJECT_RENEGOTIATION.substring(2))) {
            commands.add("create-jvm-options " + REJECT_RENEGOTIATION.replace("=", "\\="));
        }
        Path file;
        try {
            file = Files.createTempFile("smgw-device-port", ".asadmin");
            Files.write(file, commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path out = Files.createTempFile("smgw-device-port", ".out");
            try {
                int exit = asadmin(payaraHome, out, 120, "multimode", "--file", file.toString());
                String output = Files.readString(out);
                Files.writeString(log, output.replaceAll("(password=)\\S+", "$1****"), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                // multimode reports success even when one of its commands failed
                if (exit != 0 || output.contains(" failed.")) {
                    throw new StartupException("Device port", "asadmin could not configure listener " + NAME, log);
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file with no secret worth keeping
            }
        }
    }

    /**
     * The listener's time limits (its own {@code http} element, so the browser ports keep theirs): the whole request,
     * the keep-alive idle time and the pause allowed between parts of a body (Grizzly's defaults: 900 s, 30 s, 300 s).
     */
    static List<String> timeLimits() {
        return List.of(
                "set " + PROTOCOL + "http.request-timeout-seconds=" + REQUEST_TIMEOUT_SECONDS,
                "set " + PROTOCOL + "http.timeout-seconds=" + KEEP_ALIVE_SECONDS,
                "set " + PROTOCOL + "http.upload-timeout-enabled=true",
                "set " + PROTOCOL + "http.connection-upload-timeout-millis=" + UPLOAD_PAUSE_MILLIS);
    }

    private static void awaitStores(Path stores, Path log) {
        long deadline = System.nanoTime() + STORES_TIMEOUT.toNanos();
        while (!(Files.isRegularFile(stores.resolve("keystore.p12")) && Files.isRegularFile(stores.resolve("truststore.p12"))
                && Files.isRegularFile(stores.resolve("store-password")))) {
            if (System.nanoTime() > deadline) {
                throw new StartupException("Device port", "the platform did not write its key stores to " + stores, log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("Device port", "interrupted", log);
            }
        }
    }

    private static String asadminOutput(Path payaraHome, String command) {
        try {
            Path out = Files.createTempFile("smgw-asadmin", ".out");
            try {
                asadmin(payaraHome, out, 60, command);
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int asadmin(Path payaraHome, Path log, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin").resolve("asadmin").toString());
        command.addAll(List.of(args));
        return Processes.run(command, payaraHome, Map.of(), log, timeoutSeconds);
    }
}
