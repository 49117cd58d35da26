package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.DevicePortTls;
import org.smgwlite.pki.tls.RootFingerprint;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * The gateway's one trust anchor: the platform root file ({@code platform.root}), checked against
 * {@code platform.root-sha256} when both are given. With only the fingerprint, the root is fetched once from
 * {@code /cacerts} without trust (RFC 7030 4.1.1) and kept in the root file only if a self-signed certificate
 * of that answer has the fingerprint; nothing else of the answer is used.
 */
public final class PinnedRoot {

    private PinnedRoot() {
    }

    /**
     * @throws IOException naming the file, the expected and the found fingerprint when they differ, or when no
     *                     certificate of {@code /cacerts} matches
     */
    public static X509Certificate load(UploadSettings settings) throws IOException, InterruptedException {
        if (Files.exists(settings.rootPem())) {
            X509Certificate root = PemCredentials.readChain(settings.rootPem()).get(0);
            RootFingerprint found = RootFingerprint.of(root);
            if (settings.rootFingerprint().filter(pin -> !pin.equals(found)).isPresent()) {
                throw new IOException("platform.root " + settings.rootPem() + " has SHA-256 fingerprint " + found
                        + ", but platform.root-sha256 is " + settings.rootFingerprint().get() + ": not the root you were given");
            }
            return root;
        }
        RootFingerprint pin = settings.rootFingerprint().orElseThrow(() -> new IOException("platform.root "
                + settings.rootPem() + " does not exist, and no platform.root-sha256 is configured to fetch it with"));
        List<X509Certificate> offered = cacerts(settings);
        X509Certificate root = pin.pick(offered).orElseThrow(() -> new IOException("none of the " + offered.size()
                + " certificates of " + cacertsUri(settings) + " is a root with SHA-256 fingerprint " + pin
                + ": not the platform you were given (nothing was stored)"));
        PemCredentials.writeChain(settings.rootPem(), List.of(root));
        return root;
    }

    private static List<X509Certificate> cacerts(UploadSettings settings) throws IOException, InterruptedException {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if ("https".equalsIgnoreCase(settings.platform().getScheme())) {
            TlsEndpoint bootstrap = DevicePortTls.cacertsBootstrap();
            http.sslContext(bootstrap.context()).sslParameters(bootstrap.parameters());
        }
        return EstEnrollment.cacerts(http.build(), settings.platform(), settings.tenant());
    }

    private static java.net.URI cacertsUri(UploadSettings settings) {
        return EstEnrollment.operation(settings.platform(), settings.tenant(), "cacerts");
    }
}
