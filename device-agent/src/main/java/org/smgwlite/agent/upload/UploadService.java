package org.smgwlite.agent.upload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.smgwlite.agent.json.JsonObject;
import org.smgwlite.agent.json.JsonSyntaxException;
import org.smgwlite.metering.contract.EichlogLink;
import org.smgwlite.pki.pem.PemCredentials;
import org.smgwlite.pki.tls.TlsEndpoint;

/**
 * The agent's upload thread: enrolls once (keys made here, the one-time code used once, credentials kept in
 * {@code credentials/}), learns its metering point from {@code /api/device/whoami}, renews a certificate in its
 * last 30 days, and once a day after midnight plus the gateway's spread delay runs the {@link Uploader} over the
 * whole backlog (batch after batch); after a refused or unanswered batch it waits for the next day. A pending
 * Eichlog reset ({@link EichlogReset}: the journal was lost or broken) goes first, chained to the platform's newest
 * entry. A TAF 6 answer
 * ({@link #answerNow()}) is the same run with short retries; one run at a time. After each run, and once at start if
 * the gateway is enrolled, the agent's status goes to the platform ({@link StatusReporter}; only if a document is given).
 */
public final class UploadService implements AutoCloseable {

    private static final Duration RENEW_MARGIN = Duration.ofDays(30);

    private final UploadSettings settings;
    private final PendingValues pending;
    private final Path eichlogFile;
    private final Uploader.Pacing pacing;
    private final Clock clock;
    private final Consumer<String> events;
    private final RepeatingThread daily;
    /** Null when the caller gave no status document. */
    private final StatusReporter status;
    /** Whether the daily thread has sent the status at start (that thread only). */
    private boolean reportedAtStart;
    /** The last device-port TLS context and the certificate it was made for (written under this). */
    private volatile CachedEndpoint session;

    public UploadService(UploadSettings settings, PendingValues pending, Clock clock, Consumer<String> events) {
        this(settings, pending, null, clock, events);
    }

    /** @param eichlogFile the agent's Eichlog; its entries after the last acknowledged one go along (null: none) */
    public UploadService(UploadSettings settings, PendingValues pending, Path eichlogFile, Clock clock, Consumer<String> events) {
        this(settings, pending, eichlogFile, Uploader.Pacing.DAILY, clock, events);
    }

    /** @param pacing batch size and retries; {@link Uploader.Pacing#DAILY} in the agent, shorter in tests */
    public UploadService(UploadSettings settings, PendingValues pending, Path eichlogFile, Uploader.Pacing pacing, Clock clock,
                         Consumer<String> events) {
        this(settings, pending, eichlogFile, pacing, clock, null, events);
    }

    /** @param statusDocument the agent's status as JSON, sent after each run (null: none is sent) */
    public UploadService(UploadSettings settings, PendingValues pending, Path eichlogFile, Uploader.Pacing pacing, Clock clock,
                         Supplier<String> statusDocument, Consumer<String> events) {
        this.settings = settings;
        this.pending = pending;
        this.eichlogFile = eichlogFile;
        this.pacing = pacing;
        this.clock = clock;
        this.events = events;
        this.status = statusDocument == null ? null : new StatusReporter(statusDocument, this::postStatus, events);
        SpreadDelay spread = new SpreadDelay(settings.gatewayId(), settings.spreadMinimum(), settings.spreadWindow());
        this.daily = new RepeatingThread("upload", () -> dailyRun(spread));
    }

    /** Starts the daily runs on the service's own thread. */
    public void start() {
        daily.start();
    }

    /**
     * Sleeps until the next run is due, then runs it. A run that could not start (the platform unreachable, or busy:
     * a 503 while its database is down) is tried again after the pacing's {@link Backoff}, up to its attempts; a run
     * that still failed, or ended on a refused or unanswered batch, waits for the next day.
     */
    private void dailyRun(SpreadDelay spread) throws InterruptedException {
        if (!reportedAtStart) {
            reportedAtStart = true;
            if (Files.exists(settings.credentialDir().resolve(chainFile("tls")))) {
                reportStatus();
            }
        }
        Instant next = spread.nextAfter(clock.instant());
        events.accept("next upload at " + next);
        Thread.sleep(Math.max(0, Duration.between(clock.instant(), next).toMillis()));
        Backoff backoff = new Backoff(pacing.firstBackoff(), pacing.maxBackoff(), new SplittableRandom());
        for (int attempt = 1; ; attempt++) {
            try {
                uploadNow();
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt >= pacing.attemptsPerBatch()) {
                    events.accept("upload failed: " + e.getMessage() + "; next try tomorrow");
                    return;
                }
                Duration wait = backoff.next(e instanceof PlatformBusyException busy ? busy.retryAfter() : Optional.empty());
                events.accept("upload failed: " + e.getMessage() + "; next try in " + wait);
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** Enrollment or renewal as needed, then the whole backlog, batch after batch, each with retries (the day-after run). */
    public Uploader.Run uploadNow() throws IOException, InterruptedException {
        return thenReport(() -> upload(pacing));
    }

    /**
     * An upload right away with short retries (about a minute in all): the answer to a platform's TAF 6 request,
     * which goes with everything else not yet acknowledged ({@link Uploader.Run#outcome()}).
     */
    public Uploader.Result answerNow() throws IOException, InterruptedException {
        return thenReport(() -> upload(new Uploader.Pacing(pacing.valuesPerBatch(), Duration.ofSeconds(10), Duration.ofSeconds(40), 3))
                .outcome());
    }

    /** An upload run, as {@link #thenReport} takes it. */
    @FunctionalInterface
    private interface RunStep<T> {
        T call() throws IOException, InterruptedException;
    }

    /**
     * The run, then the status whether the run went well or failed; the run's own result or failure is what the caller
     * gets. Not after an interrupted run: the agent is stopping.
     */
    private <T> T thenReport(RunStep<T> run) throws IOException, InterruptedException {
        T result;
        try {
            result = run.call();
        } catch (IOException | RuntimeException e) {
            reportStatus();
            throw e;
        }
        reportStatus();
        return result;
    }

    private void reportStatus() {
        if (status != null) {
            status.report();
        }
    }

    /** {@code POST /api/device/status} with the current TLS credential, outside the upload lock. */
    private void postStatus(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http(deviceTls()).send(HttpRequest.newBuilder(settings.devicePort().resolve("/api/device/status"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the platform answered the status report with " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * The device port's TLS context of the current credential, for the TAF 6 poller, which calls the device port
     * between uploads. Once known it is returned without waiting for an upload in progress (renewal is the uploads'
     * business); before that, enrolls first.
     */
    public TlsEndpoint deviceTls() throws IOException, InterruptedException {
        CachedEndpoint known = session;
        if (known != null) {
            return known.endpoint();
        }
        synchronized (this) {
            return connect().endpoint();
        }
    }

    /** What a call to the device port needs: the TLS context and the signature credential. */
    private record Session(TlsEndpoint endpoint, EstEnrollment.Credential signature) {
    }

    /** One upload at a time: the daily run and a TAF 6 answer never interleave their reads and acknowledgements. */
    private synchronized Uploader.Run upload(Uploader.Pacing pacing) throws IOException, InterruptedException {
        Session session = connect();
        long household = householdOf(session.endpoint());
        EstEnrollment.Credential signature = session.signature();
        Uploader uploader = new Uploader(pending, new HttpsBatchTransport(settings.devicePort(), session.endpoint()),
                settings.gatewayId(), household, signature.keys().getPrivate(), signature.certificate(), pacing,
                d -> Thread.sleep(d.toMillis()), clock, events);
        if (eichlogFile == null) {
            return uploader.uploadBacklog(PendingEichlog.NONE);
        }
        EichlogCursor cursor = new EichlogCursor(eichlogFile, settings.credentialDir().resolve(EichlogCursor.FILE));
        EichlogReset reset = new EichlogReset(settings.credentialDir(), cursor, clock);
        if (reset.awaitsHead()) {
            closeChain(reset, session.endpoint());
        }
        return uploader.uploadBacklog(reset, cursor);
    }

    /**
     * The closing entry of a pending reset, chained to the platform's newest entry (an {@link IOException} when the
     * platform cannot tell: the run ends, values and the reset stay, the next run asks again).
     */
    private void closeChain(EichlogReset reset, TlsEndpoint endpoint) throws IOException, InterruptedException {
        Optional<EichlogHead> head = EichlogHead.fetch(http(endpoint), settings.devicePort());
        Optional<EichlogLink> closing = reset.chainTo(head);
        events.accept(closing.map(c -> "EICHLOG RESET: closing the platform's Eichlog chain after its entry " + head.get().n()
                        + " with " + c.type() + " entry " + c.n() + " (" + c.detail() + "); the new journal follows")
                .orElse("EICHLOG RESET: the platform holds no Eichlog entry of this gateway, nothing to close; the new"
                        + " journal goes from entry 1"));
    }

    /** Enrollment or renewal as needed; the TLS context is made again only when the credential changed. */
    private Session connect() throws IOException, InterruptedException {
        X509Certificate root = PinnedRoot.load(settings);
        EstEnrollment est = new EstEnrollment(settings, List.of(root));
        EstEnrollment.Credential tls = load("tls");
        if (tls == null) {
            if (settings.enrollmentCode().isEmpty()) {
                throw new IOException("not enrolled and no enrollment.code configured");
            }
            tls = save("tls", est.enroll(settings.enrollmentCode()));
            events.accept("enrolled: TLS certificate " + tls.certificate().getSerialNumber().toString(16));
        } else if (tls.renewalDue(clock.instant(), RENEW_MARGIN)) {
            tls = save("tls", est.renew(tls));
            events.accept("renewed: TLS certificate " + tls.certificate().getSerialNumber().toString(16));
        }
        EstEnrollment.Credential signature = load("signature");
        if (signature == null || signature.renewalDue(clock.instant(), RENEW_MARGIN)) {
            signature = save("signature", est.signatureCredential(tls));
            events.accept("signature certificate " + signature.certificate().getSerialNumber().toString(16));
        }
        if (session == null || !session.endpointFor.equals(tls.certificate())) {
            session = new CachedEndpoint(tls.certificate(), est.deviceTls(tls));
        }
        return new Session(session.endpoint, signature);
    }

    private record CachedEndpoint(X509Certificate endpointFor, TlsEndpoint endpoint) {
    }

    private static HttpClient http(TlsEndpoint endpoint) {
        return HttpClient.newBuilder().sslContext(endpoint.context()).sslParameters(endpoint.parameters())
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    private long householdOf(TlsEndpoint endpoint) throws IOException, InterruptedException {
        HttpResponse<String> r = http(endpoint)
                .send(HttpRequest.newBuilder(settings.devicePort().resolve("/api/device/whoami")).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (PlatformBusyException.isBusy(r.statusCode())) {
            throw new PlatformBusyException("whoami answered " + r.statusCode() + ": " + r.body(),
                    PlatformBusyException.parseRetryAfter(r.headers().firstValue("Retry-After"), clock.instant()));
        }
        if (r.statusCode() != 200) {
            throw new IOException("whoami answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JsonObject.parse(r.body()).longValue("householdId");
        } catch (JsonSyntaxException e) {
            throw new IOException("whoami answered " + r.statusCode() + ": " + r.body() + " (" + e.getMessage() + ")", e);
        }
    }

    /** The file name of a credential's chain ({@code tls}: there once the gateway enrolled). */
    static String chainFile(String credential) {
        return credential + ".chain.pem";
    }

    private EstEnrollment.Credential load(String name) throws IOException {
        Path key = settings.credentialDir().resolve(name + ".key");
        Path chain = settings.credentialDir().resolve(chainFile(name));
        if (!Files.exists(key) || !Files.exists(chain)) {
            return null;
        }
        List<X509Certificate> certs = PemCredentials.readChain(chain);
        return new EstEnrollment.Credential(new KeyPair(certs.get(0).getPublicKey(), PemCredentials.readPrivateKey(key)),
                certs);
    }

    /** The chain first, then the key replaces the old one atomically: a credential is complete once its key is. */
    private EstEnrollment.Credential save(String name, EstEnrollment.Credential c) throws IOException {
        Files.createDirectories(settings.credentialDir());
        PemCredentials.writeChain(settings.credentialDir().resolve(chainFile(name)), c.chain());
        PemCredentials.writePrivateKey(settings.credentialDir().resolve(name + ".key"), c.keys().getPrivate());
        return c;
    }

    @Override
    public void close() {
        daily.close();
    }
}
