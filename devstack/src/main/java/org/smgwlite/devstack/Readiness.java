package org.smgwlite.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a URL until it answers 200, the server process dies, or time runs out. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration POLL = Duration.ofMillis(250);
    /** A path still unknown this long after the server first answered is missing, not starting. */
    private static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(30);

    private Readiness() {
    }

    static void await(URI url, Duration timeout, String component, Path log, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        long firstNotFound = 0;
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new StartupException(component, "the process exited before " + url + " answered", log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    return;
                }
                if (lastStatus != 404) {
                    firstNotFound = 0;
                } else if (firstNotFound == 0) {
                    firstNotFound = System.nanoTime();
                } else if (System.nanoTime() - firstNotFound > NOT_FOUND_GRACE.toNanos()) {
                    throw new StartupException(component, url + " answers 404 Not Found: is the path right?"
                            + " (choose another with --ready-url)", log);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(component, "interrupted while waiting for " + url, log);
            }
            sleep(POLL);
        }
        throw new StartupException(component, url + " not ready after " + timeout.toSeconds() + " s"
                + (lastStatus < 0 ? " (never answered)" : " (last HTTP status " + lastStatus + ")"), log);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
