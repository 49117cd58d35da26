package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.smgwlite.devstack.DemoUser;

/**
 * The run command's demo gateways: for each household of a tenant that one of the given users signs in to (the
 * demo logins of {@value #TENANT}), a gateway registered through the operator REST API (once: its id, keys and
 * data stay in the state folder) and a {@link DemoGateway} agent that enrolls itself, uploads a week of history
 * and keeps running live. So a new user finds curves on first login.
 */
public final class DemoFleet implements AutoCloseable {

    public static final String TENANT = "stadtwerke-demo";
    public static final String OPERATOR = "operator";
    public static final int HISTORY_DAYS = 7;
    /** The demo household with gaps (Ersatzwerte on first login): the first household login's. */
    public static final String GAP_LOGIN = "household";
    /** History of the gap household: two weeks and a day, so yesterday has the same weekday twice before it. */
    public static final int GAP_HISTORY_DAYS = 15;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param api         the platform's REST root, e.g. {@code http://localhost:8080/api}
     * @param devicePort  the device port, e.g. {@code https://localhost:8443}: EST and the device API
     * @param rootPem     the platform root CA (the only trust anchor of the demo gateways)
     * @param stateDir    where the gateways keep their ids, keys and data between runs
     * @param logs        where each gateway's agent writes its log
     * @param tenant      the tenant of the households
     * @param logins      the households are those these users sign in to, one gateway each
     * @param operatorToken a fresh access token of an operator of {@code tenant}
     * @param historyDays days of history before today on a gateway's first start
     * @param gapLogin    the login whose household's meter is silent twice yesterday on its gateway's first start
     *                    ({@link MeterOutage#demoDay}), with {@value #GAP_HISTORY_DAYS} days of history so that the
     *                    long gap has a weekday profile; substitute values are made for it after the upload. Null: none
     */
    public record Settings(URI api, URI devicePort, Path rootPem, Path stateDir, Path logs, String tenant, List<String> logins,
                           Supplier<String> operatorToken, int historyDays, Clock wall, String gapLogin) {

        /** Without demo gaps. */
        public Settings(URI api, URI devicePort, Path rootPem, Path stateDir, Path logs, String tenant, List<String> logins,
                        Supplier<String> operatorToken, int historyDays, Clock wall) {
            this(api, devicePort, rootPem, stateDir, logs, tenant, logins, operatorToken, historyDays, wall, null);
        }

        /** The run command's: the demo household logins of {@value #TENANT}, a week of history. */
        public static Settings runCommand(URI api, URI devicePort, Path rootPem, Path stateDir, Path logs,
                                          Supplier<String> operatorToken) {
            List<String> logins = DemoUser.ALL.stream()
                    .filter(u -> u.role().equals("household") && u.tenant().filter(TENANT::equals).isPresent())
                    .map(DemoUser::username).toList();
            return new Settings(api, devicePort, rootPem, stateDir, logs, TENANT, logins, operatorToken, HISTORY_DAYS,
                    Clock.systemUTC(), GAP_LOGIN);
        }
    }

    private record Member(DemoGateway gateway, OperatorApi.Household household) {
    }

    private final List<Member> members;

    private final OperatorApi api;
    private final String tenant;

    private DemoFleet(List<Member> members, OperatorApi api, String tenant) {
        this.members = members;
        this.api = api;
        this.tenant = tenant;
    }

    /**
     * Registers what is missing and starts one agent per demo household.
     *
     * @throws IOException if the platform refuses or cannot be reached; the gateways started so far are stopped
     */
    public static DemoFleet start(Settings settings) throws IOException, InterruptedException {
        OperatorApi api = new OperatorApi(settings.api(), settings.operatorToken());
        String tenant = settings.tenant();
        List<OperatorApi.Household> households = api.households(tenant).stream()
                .filter(h -> h.viewerUsername() != null && settings.logins().contains(h.viewerUsername())).toList();
        if (households.isEmpty()) {
            throw new IOException("no household of " + tenant + " has one of the logins " + String.join(", ", settings.logins()));
        }
        List<String> registered = api.gateways(tenant);
        awaitPort(settings.devicePort(), Duration.ofSeconds(30));
        DemoGateway.Platform platform = new DemoGateway.Platform(settings.devicePort(), tenant, settings.rootPem());
        List<Member> members = new ArrayList<>();
        try {
            for (OperatorApi.Household h : households) {
                DemoGatewayState state = new DemoGatewayState(settings.stateDir().resolve(tenant).resolve("household-" + h.id()));
                DemoGatewayState.Step step = state.next(registered);
                String gatewayId = state.gatewayIdOrNew();
                if (step == DemoGatewayState.Step.REGISTER) {
                    api.register(tenant, gatewayId, h.id());
                }
                String code = step == DemoGatewayState.Step.REUSE ? "" : api.enrollmentCode(tenant, gatewayId);
                int number = members.size() + 1;
                boolean gaps = h.viewerUsername().equals(settings.gapLogin());
                List<MeterOutage> outages = gaps
                        ? MeterOutage.demoDay(LocalDate.now(settings.wall().withZone(BERLIN)).minusDays(1)) : List.of();
                DemoGateway gateway = new DemoGateway(gatewayId, state, platform, code, number, pvWatts(number),
                        gaps ? Math.max(settings.historyDays(), GAP_HISTORY_DAYS) : settings.historyDays(), outages,
                        settings.wall(), settings.logs().resolve("demo-gateway-" + gatewayId + ".log"));
                members.add(new Member(gateway, h));
            }
        } catch (IOException | RuntimeException e) {
            new DemoFleet(members, api, tenant).close();
            throw e;
        }
        members.forEach(m -> m.gateway().start());
        return new DemoFleet(members, api, tenant);
    }

    /** The first gateway has a PV system (its curve shows export at noon), the others consume only. */
    private static long pvWatts(int number) {
        return number == 1 ? 2_000 : 0;
    }

    /**
     * What a gateway's first upload did: {@code enrolledNow} when it enrolled on this start, the values it sent and
     * the platform accepted, the history they cover; {@code problem} is null when all went well.
     */
    public record Outcome(String gatewayId, long householdId, String household, String login, boolean enrolledNow,
                          long values, long accepted, Instant historyFrom, Instant caughtUpAt, String problem) {

        /** One line for the console: gateway, household and its login, enrollment, values and history. */
        public String line() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %-30s ", gatewayId,
                    household + " (" + login + ")"));
            if (caughtUpAt != null) {
                b.append(enrolledNow ? "enrolled now, " : "enrolled before, ")
                        .append(String.format(Locale.ROOT, "%,d values uploaded, %,d accepted", values, accepted))
                        .append(" (history ").append(TIME.format(historyFrom)).append(" .. ")
                        .append(TIME.format(caughtUpAt)).append(" UTC)");
            }
            if (problem != null) {
                b.append(caughtUpAt != null ? "; problem: " : "").append(problem);
            }
            return b.toString();
        }
    }

    /** Waits for every gateway's first upload (all together at most {@code timeout}). */
    public List<Outcome> awaitFirstUploads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Outcome> out = new ArrayList<>();
        for (Member m : members) {
            DemoGateway.Report r;
            String problem = null;
            try {
                r = m.gateway().firstUpload().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                problem = r.problem();
            } catch (TimeoutException e) {
                r = null;
                problem = "no upload within " + timeout.toSeconds() + " s (see its log)";
            } catch (ExecutionException e) {
                r = null;
                problem = "failed: " + e.getCause();
            }
            if (problem == null && r != null && !m.gateway().outages().isEmpty()) {
                problem = substitutes(m);
            }
            out.add(new Outcome(m.gateway().gatewayId(), m.household().id(), m.household().name(), m.household().viewerUsername(),
                    r != null && r.enrolledNow(), r == null ? 0 : r.values(), r == null ? 0 : r.accepted(),
                    r == null ? null : r.historyFrom(), r == null ? null : r.caughtUpAt(), problem));
        }
        return out;
    }

    /**
     * Starts the TAF month reports of every month the demo history reaches (as the timer does on the 2nd for the month
     * before), so the Reports screen shows the demo tenant's months on first login; a line per month.
     */
    public List<String> startMonthReports(List<Outcome> outcomes) throws InterruptedException {
        YearMonth now = YearMonth.now(BERLIN);
        YearMonth first = outcomes.stream().map(Outcome::historyFrom).filter(Objects::nonNull)
                .map(at -> YearMonth.from(at.atZone(BERLIN))).min(Comparator.naturalOrder()).orElse(now);
        List<String> lines = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(now); month = month.plusMonths(1)) {
            try {
                api.startMonthReport(tenant, month);
                lines.add("TAF month report " + month + ": calculating in the background (Reports screen)");
            } catch (IOException e) {
                lines.add("TAF month report " + month + " not started: " + e.getMessage());
            }
        }
        return lines;
    }

    /**
     * Substitute values for the demo gaps right after the upload, as an operator would ask for them (the day-after
     * timer would make them in the night); null when made, else what went wrong.
     */
    private String substitutes(Member m) throws InterruptedException {
        LocalDate day = LocalDate.ofInstant(m.gateway().outages().get(0).from(), BERLIN);
        try {
            api.substitutes(tenant, m.household().id(), day, day);
            return null;
        } catch (IOException e) {
            return "substitute values not made: " + e.getMessage();
        }
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
