package org.smgwlite.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** What a database outage must look like from outside, one node or a cluster: told to retry, never a server error. */
public final class OutageChecks {

    /** How long a call during an outage may take to be answered (the pool's wait and the driver's timeouts are bounded). */
    public static final long FAIL_FAST_SECONDS = 12;

    private OutageChecks() {
    }

    /** A call made during the outage; it must be answered, and quickly: within {@value #FAIL_FAST_SECONDS} s. */
    public static HttpResponse<String> timed(Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = call.run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(r.request().uri() + " answered within the fail-fast bound")
                .isLessThan(Duration.ofSeconds(FAIL_FAST_SECONDS));
        return r;
    }

    /**
     * Every answer given while PostgreSQL was stopped is 503 with a positive {@code Retry-After} and the reason, and
     * shows no stack trace; the agent finished its run, was told 503 at least once and never 500.
     */
    public static void assertToldToRetry(List<HttpResponse<String>> duringOutage, boolean agentRunComplete, List<String> agentEvents) {
        for (HttpResponse<String> r : duringOutage) {
            assertThat(r.statusCode()).as(r.request().uri() + ": " + r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).as(r.request().uri() + " Retry-After")
                    .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(r.body()).contains("DATABASE_UNAVAILABLE").doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(agentRunComplete).as(String.join("\n", agentEvents)).isTrue();
        assertThat(agentEvents).as("the agent was told 503 during the outage and tried the same batch again")
                .anyMatch(e -> e.startsWith("upload attempt") && e.contains("503") && e.contains("DATABASE_UNAVAILABLE"))
                .noneMatch(e -> e.contains("(500 "));
    }

    /** An HTTP call made during the outage. */
    @FunctionalInterface
    public interface Call {
        HttpResponse<String> run() throws Exception;
    }
}
