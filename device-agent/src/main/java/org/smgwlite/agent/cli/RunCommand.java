package org.smgwlite.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.smgwlite.agent.agent.Agent;
import org.smgwlite.agent.agent.AgentConfig;
import org.smgwlite.agent.simulator.SimulatedMeterSource;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.source.ByteSources;
import org.smgwlite.agent.store.WriteGuard;
import org.smgwlite.pki.cli.Arguments;

/**
 * {@code device-agent run --config FILE}: the long-running agent. Stops on SIGTERM/SIGINT (clean close: store
 * flushed, STOP in the Eichlog) or at the end of a replayed file or a finite simulation.
 * With {@code source=simulate} and {@code simulate.speed=max} the agent runs on the simulated meter's clock and
 * continues after the newest stored slot when restarted.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "run --config FILE.properties";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(name(), args).allowOnly(Set.of("config"));
        a.operands(0, "no operand");
        Path file = Path.of(a.required("config"));
        AgentConfig config;
        try {
            config = AgentConfig.load(file);
        } catch (IOException | IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return Main.USAGE;
        }
        boolean simulate = config.source().equals("simulate");
        AgentConfig.Simulation sim = config.simulation();
        SimulationClock simClock = simulate && !sim.realtime() ? new SimulationClock(sim.start()) : null;
        Clock clock = simClock != null ? simClock : Clock.systemUTC();
        Agent agent;
        try {
            agent = new Agent(config, clock, simClock != null ? null : System::nanoTime, WriteGuard.NONE, out, err);
            agent.startServices();
        } catch (IOException | RuntimeException e) {
            err.println("run: " + e.getMessage());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agent.stop();
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "device-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            agent.run(() -> {
                if (!simulate) {
                    return ByteSources.open(config.source());
                }
                Instant start = sim.start();
                if (simClock != null && agent.lastTaf7Slot() != null && agent.lastTaf7Slot().isAfter(start)) {
                    start = agent.lastTaf7Slot().plusSeconds(sim.intervalSeconds());
                    simClock.set(start);
                }
                Instant end = sim.days() == 0 ? null : sim.start().plus(Duration.ofDays(sim.days()));
                return new SimulatedMeterSource(new VirtualMeter(sim.meter(), sim.seed(), sim.pvWatts()), clock,
                        sim.intervalSeconds(), start, end);
            });
        } finally {
            agent.close();
            out.flush();
            closed.countDown();
        }
        return 0;
    }
}
