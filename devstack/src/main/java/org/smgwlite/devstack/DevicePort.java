package org.smgwlite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p>TLS runs on Bouncy Castle JSSE (brainpoolP256r1 as well as P-256) through the server library
 * {@code platform-device-listener}, which {@link #installLibrary} puts into the domain before it starts. The listener
 * shares the virtual server {@code server} with the browser listeners (the EAR cannot be deployed to two virtual
 * servers: its Vaadin WAR registers its servlet once per JVM), whose valve {@value #VALVE} refuses everything but the
 * device API, EST and CRLs on this listener before an application, its login or Payara's own endpoints see the
 * request. Payara loads a virtual server's valves at start only: {@link #configure} restarts the domain once, when
 * it adds the valve.
 *
 * <p>{@link #configure} is idempotent: it creates what is missing and sets every attribute again.
 */
public final class DevicePort {

    public static final int PORT = 8443;
    public static final String NAME = "device-port";
    static final String SSL_IMPLEMENTATION = "org.smgwlite.platform.devicelistener.DevicePortSslImplementation";
    static final String VALVE = "org.smgwlite.platform.devicelistener.DevicePortValve";
    /** The library's jar goes into the domain's lib/, these beside it into lib/smgw-device-port/ (its own loader). */
    static final String LIBRARY_MARKER = "org/smgwlite/platform/devicelistener/DevicePortValve.class";
    static final List<String> ISOLATED_MARKERS = List.of(
            "org/smgwlite/pki/tls/ListenerContexts.class",
            "org/smgwlite/metering/contract/DevicePortPaths.class",
            "org/bouncycastle/jce/provider/BouncyCastleProvider.class",
            "org/bouncycastle/asn1/cms/ContentInfo.class",
            "org/bouncycastle/cert/X509CertificateHolder.class",
            "org/bouncycastle/jsse/provider/BouncyCastleJsseProvider.class");
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
    private static final Duration STORES_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where the listener is configured: the domain's own server ({@link #domain}) or the shared configuration of a
     * deployment group ({@link PayaraCluster}), whose instances each take their port from a system property.
     *
     * @param config         the Payara configuration holding the listener
     * @param port           the listener port as the configuration says it: a number or a {@code ${PROPERTY}}
     * @param asadminTarget  what {@code --target} names for jvm options and log levels
     * @param restart        the asadmin commands that restart what uses {@code config}
     * @param stores         the folder with the key store, trust store and their password
     */
    public record Target(String config, String port, String asadminTarget, List<String> restart, Path stores) {

        /** The domain's own server ({@code server-config}) on {@value #PORT}, stores in the domain's PKI folder. */
        public static Target domain(Path payaraHome) {
            return new Target("server-config", Integer.toString(PORT), "server", List.of("restart-domain " + PayaraServer.DOMAIN),
                    storesDir(payaraHome));
        }

        String protocol() {
            return "configs.config." + config + ".network-config.protocols.protocol." + NAME + ".";
        }

        String ssl() {
            return protocol() + "ssl.";
        }

        /** The valve of the virtual server {@code server}; the valve itself knows this listener by {@link #NAME}. */
        String valveProperty() {
            return "configs.config." + config + ".http-service.virtual-server.server.property.valve_1";
        }
    }

    private DevicePort() {
    }

    /** Where the platform writes the port's stores: {@code $SMGW_PKI_DIR/device-port}, by default in the domain. */
    public static Path storesDir(Path payaraHome) {
        String configured = System.getenv(PayaraServer.PKI_DIR_ENV);
        Path pkiDir = configured == null || configured.isBlank()
                ? payaraHome.resolve("glassfish/domains/" + PayaraServer.DOMAIN + "/smgw-pki") : Path.of(configured);
        return pkiDir.resolve("device-port");
    }

    /**
     * Copies the device port's server library into {@code <domain>/lib/} (Payara's common class loader, read at
     * start) and the jars it loads in isolation into {@code <domain>/lib/smgw-device-port/}, from this JVM's class
     * path. Call it before the domain starts; idempotent.
     *
     * @throws StartupException if a jar is not on the class path as a jar (e.g. classes of an unpackaged module)
     */
    public static void installLibrary(Path payaraHome) {
        Path lib = payaraHome.resolve("glassfish/domains/" + PayaraServer.DOMAIN + "/lib");
        Path isolated = lib.resolve("smgw-device-port");
        try {
            Files.createDirectories(isolated);
            try (var old = Files.list(isolated)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            Path library = jarOf(LIBRARY_MARKER);
            Files.copy(library, lib.resolve("smgw-device-listener.jar"), StandardCopyOption.REPLACE_EXISTING);
            for (String marker : ISOLATED_MARKERS) {
                Path jar = jarOf(marker);
                Files.copy(jar, isolated.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jarOf(String resource) {
        URL url = DevicePort.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new StartupException("Device port", "the device port library needs " + resource + " from a jar, found "
                    + url + " (build with mvn install first)", null);
        }
        String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
        try {
            return Path.of(new URL(file).toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(file, e);
        }
    }

    /**
     * Creates or updates the listener on the running domain of {@code payaraHome}, after the platform was
     * deployed (it writes the stores). Returns when the listener is configured, or, the first time (the valve and
     * the renegotiation option are read at start only), when the domain was restarted: then its applications are
     * still loading and the caller waits for readiness again.
     *
     * @return true if the domain was restarted
     * @throws StartupException if the stores do not appear or asadmin fails
     */
    public static boolean configure(Path payaraHome, Path log) {
        return configure(payaraHome, Target.domain(payaraHome), log);
    }

    /** {@link #configure(Path, Path)} for {@code target}: the domain's server or a deployment group's configuration. */
    public static boolean configure(Path payaraHome, Target target, Path log) {
        Path stores = target.stores();
        String on = " --target " + target.asadminTarget();
        String ssl = target.ssl();
        awaitStores(stores, log);
        String password;
        try {
            password = Files.readString(stores.resolve("store-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> commands = new ArrayList<>();
        String configTarget = " --target " + target.config();
        if (!asadminOutput(payaraHome, "list-protocols", target.config()).contains(NAME)) {
            commands.add("create-protocol --securityenabled=true" + configTarget + " " + NAME);
            commands.add("create-http --default-virtual-server server" + configTarget + " " + NAME);
        }
        boolean valveMissing = !asadminOutput(payaraHome, "get", target.valveProperty()).contains(VALVE);
        if (!asadminOutput(payaraHome, "list-network-listeners", target.config()).contains(NAME)) {
            // on a security-enabled protocol this creates the (empty) ssl element as well
            commands.add("create-network-listener --listenerport " + PORT + " --protocol " + NAME
                    + " --threadpool http-thread-pool --enabled=false" + configTarget + " " + NAME);
        }
        String listener = "configs.config." + target.config() + ".network-config.network-listeners.network-listener." + NAME + ".";
        commands.add("set " + listener + "port=" + target.port());
        commands.add("set " + target.valveProperty() + "=" + VALVE);
        // Bouncy Castle JSSE from the listener's own stores (Payara's default implementation uses the domain's).
        // Store types: Payara accepts only JKS, NSS or PKCS11 as names; the library reads the PKCS#12 files the
        // platform writes whatever the name says.
        commands.add("set " + ssl + "classname=" + SSL_IMPLEMENTATION);
        // Bouncy Castle's JSSE logs every accepted connection (and each refused handshake with its stack) at INFO
        commands.add("set-log-levels" + on + " org.bouncycastle.jsse=WARNING");
        commands.add("set " + ssl + "key-store=" + stores.resolve("keystore.p12"));
        commands.add("set " + ssl + "key-store-password-provider=plain");
        commands.add("set " + ssl + "key-store-password=" + password);
        commands.add("set " + ssl + "trust-store=" + stores.resolve("truststore.p12"));
        commands.add("set " + ssl + "trust-store-password-provider=plain");
        commands.add("set " + ssl + "trust-store-password=" + password);
        commands.add("set " + ssl + "cert-nickname=device-port");
        // "want", not "need": a gateway without a certificate yet does TLS with server authentication for its first
        // simpleenroll and /cacerts; the platform requires the certificate for /api/device/* and renewal itself.
        // A certificate that is presented must still chain to the trust store. No renegotiation to ask again.
        commands.add("set " + ssl + "client-auth-enabled=false");
        commands.add("set " + ssl + "client-auth=want");
        commands.add("set " + ssl + "ssl3-tls-ciphers=" + String.join(",", CIPHER_SUITES));
        commands.add("set " + ssl + "tls12-enabled=true");
        commands.add("set " + ssl + "tls13-enabled=true");
        commands.add("set " + ssl + "tls-rollback-enabled=false");
        commands.add("set " + ssl + "renegotiate-on-client-auth-want=false");
        commands.addAll(timeLimits(target));
        commands.add("set " + listener + "enabled=true");
        boolean renegotiationAllowed = !asadminOutput(payaraHome, "list-jvm-options", "--target", target.asadminTarget())
                .contains(REJECT_RENEGOTIATION.substring(2));
        if (renegotiationAllowed) {
            commands.add("create-jvm-options" + on + " " + REJECT_RENEGOTIATION.replace("=", "\\="));
        }
        boolean restart = valveMissing || renegotiationAllowed;
        if (restart) {
            commands.addAll(target.restart());
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
                int exit = asadmin(payaraHome, out, 360, "multimode", "--file", file.toString());
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
        return restart;
    }

    /**
     * The listener's time limits (its own {@code http} element, so the browser ports keep theirs): the whole request,
     * the keep-alive idle time and the pause allowed between parts of a body (Grizzly's defaults: 900 s, 30 s, 300 s).
     */
    static List<String> timeLimits(Target target) {
        String protocol = target.protocol();
        return List.of(
                "set " + protocol + "http.request-timeout-seconds=" + REQUEST_TIMEOUT_SECONDS,
                "set " + protocol + "http.timeout-seconds=" + KEEP_ALIVE_SECONDS,
                "set " + protocol + "http.upload-timeout-enabled=true",
                "set " + protocol + "http.connection-upload-timeout-millis=" + UPLOAD_PAUSE_MILLIS);
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

    /** What asadmin prints for {@code command} (its words given apart: {@code "get", "a.b.c"}). */
    private static String asadminOutput(Path payaraHome, String... command) {
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
