package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.smgwlite.devstack.DemoUser;

/**
 * The run command's demo gateways: for each demo household of {@value #TENANT} that a demo user signs in to, a
 * gateway registered through the operator REST API (once: its id, keys and data stay in the state folder) and
 * a {@link DemoGateway} agent that enrolls itself, uploads a week of history and keeps running live. So a new
 * user finds curves on first login.
 */
public final class DemoFleet implements AutoCloseable {

    public static final String TENANT = "stadtwerke-demo";
    public static final String OPERATOR = "operator";
    public static final int HISTORY_DAYS = 7;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param api         the platform's REST root, e.g. {@code http://localhost:8080/api}
     * @param devicePort  the mutual-TLS device port, e.g. {@code https://localhost:8443}
     * @param rootPem     the platform root CA (the device port's trust anchor)
     * @param stateDir    where the gateways keep their ids, keys and data between runs
     * @param logs        where each gateway's agent writes its log
     * @param operatorToken a fresh access token of an operator of {@value #TENANT}
     */
    public record Settings(URI api, URI devicePort, Path rootPem, Path stateDir, Path logs, Supplier<String> operatorToken,
                           int historyDays, Clock wall) {
    }

    private record Member(DemoGateway gateway, OperatorApi.Household household) {
    }

    private final List<Member> members;

    private DemoFleet(List<Member> members) {
        this.members = members;
    }

    /**
     * Registers what is missing and starts one agent per demo household.
     *
     * @throws IOException if the platform refuses or cannot be reached; the gateways started so far are stopped
     */
    public static DemoFleet start(Settings settings) throws IOException, InterruptedException {
        OperatorApi api = new OperatorApi(settings.api(), settings.operatorToken());
        List<String> demoLogins = DemoUser.ALL.stream()
                .filter(u -> u.role().equals("household") && u.tenant().filter(TENANT::equals).isPresent())
                .map(DemoUser::username).toList();
        List<OperatorApi.Household> households = api.households(TENANT).stream()
                .filter(h -> demoLogins.contains(h.viewerUsername())).toList();
        if (households.isEmpty()) {
            throw new IOException("no household of " + TENANT + " has a demo login (" + String.join(", ", demoLogins) + ")");
        }
        List<String> registered = api.gateways(TENANT);
        awaitPort(settings.devicePort(), Duration.ofSeconds(30));
        URI http = URI.create(settings.api().getScheme() + "://" + settings.api().getAuthority());
        DemoGateway.Platform platform = new DemoGateway.Platform(http, settings.devicePort(), TENANT, settings.rootPem());
        List<Member> members = new ArrayList<>();
        try {
            for (OperatorApi.Household h : households) {
                DemoGatewayState state = new DemoGatewayState(settings.stateDir().resolve(TENANT).resolve("household-" + h.id()));
                DemoGatewayState.Step step = state.next(registered);
                String gatewayId = state.gatewayIdOrNew();
                if (step == DemoGatewayState.Step.REGISTER) {
                    api.register(TENANT, gatewayId, h.id());
                }
                String code = step == DemoGatewayState.Step.REUSE ? "" : api.enrollmentCode(TENANT, gatewayId);
                int number = members.size() + 1;
                DemoGateway gateway = new DemoGateway(gatewayId, state, platform, code, number, pvWatts(number),
                        settings.historyDays(), settings.wall(), settings.logs().resolve("demo-gateway-" + gatewayId + ".log"));
                members.add(new Member(gateway, h));
            }
        } catch (IOException | RuntimeException e) {
            new DemoFleet(members).close();
            throw e;
        }
        members.forEach(m -> m.gateway().start());
        return new DemoFleet(members);
    }

    /** The first gateway has a PV system (its curve shows export at noon), the others consume only. */
    private static long pvWatts(int number) {
        return number == 1 ? 5_000 : 0;
    }

    /**
     * Waits for every gateway's first upload and describes each in one line: gateway, household and its login,
     * whether it enrolled now, how many values it sent and the platform accepted, and the history they cover.
     */
    public List<String> awaitFirstUploads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        for (Member m : members) {
            String who = String.format(Locale.ROOT, "%-16s %-22s", m.gateway().gatewayId(),
                    m.household().name() + " (" + m.household().viewerUsername() + ")");
            try {
                DemoGateway.Report r = m.gateway().firstUpload().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                lines.add(who + "  " + describe(r));
            } catch (TimeoutException e) {
                lines.add(who + "  no upload within " + timeout.toSeconds() + " s (see its log)");
            } catch (ExecutionException e) {
                lines.add(who + "  failed: " + e.getCause());
            }
        }
        return lines;
    }

    static String describe(DemoGateway.Report r) {
        StringBuilder b = new StringBuilder(r.enrolledNow() ? "enrolled now, " : "enrolled before, ");
        b.append(String.format(Locale.ROOT, "%,d values uploaded, %,d accepted", r.values(), r.accepted()));
        if (r.caughtUpAt() != null) {
            b.append(" (").append(TIME.format(r.historyFrom())).append(" .. ").append(TIME.format(r.caughtUpAt())).append(" UTC)");
        }
        if (r.problem() != null) {
            b.append("; problem: ").append(r.problem());
        }
        return b.toString();
    }

    private static void awaitPort(URI uri, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("device port " + uri + " does not accept connections", notYet);
                }
                Thread.sleep(500);
            }
        }
    }

    /** Stops every agent (each flushes its store and writes STOP to its Eichlog). */
    @Override
    public void close() {
        for (Member m : members) {
            m.gateway().close();
        }
    }
}
