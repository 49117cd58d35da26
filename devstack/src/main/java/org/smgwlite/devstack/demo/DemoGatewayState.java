package org.smgwlite.devstack.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.smgwlite.agent.simulator.VirtualMeter;

/**
 * What one demo gateway keeps between runs, in its own folder under {@code .run/demo-fleet/}: its gateway id
 * ({@code gateway.properties}), the agent's data ({@code agent/}: store, Eichlog, and the keys and certificates
 * in {@code agent/credentials/}), and its meter's registers ({@code meter.properties}). A second run reuses all
 * of it: the gateway is not registered again, its keys stay, and its meter goes on counting from where it was.
 */
final class DemoGatewayState {

    /** What the gateway needs from the platform before its agent can upload. */
    enum Step {
        /** Nothing on record, or the platform does not know the recorded gateway: register it and enroll. */
        REGISTER,
        /** Registered but never enrolled (an earlier run stopped in between): a new one-time code and enroll. */
        ENROLL,
        /** Registered and enrolled: the agent goes on with its keys. */
        REUSE
    }

    private static final String GATEWAY_FILE = "gateway.properties";
    private static final String METER_FILE = "meter.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    DemoGatewayState(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The agent's {@code data.dir}. */
    Path agentDir() {
        return dir.resolve("agent");
    }

    Path credentialDir() {
        return agentDir().resolve("credentials");
    }

    Optional<String> gatewayId() {
        return Optional.ofNullable(read(GATEWAY_FILE).getProperty("gateway.id"));
    }

    /** True once the agent holds a TLS key and certificate from its enrollment. */
    boolean enrolled() {
        return Files.isRegularFile(credentialDir().resolve("tls.key")) && Files.isRegularFile(credentialDir().resolve("tls.chain.pem"));
    }

    /**
     * What is left to do, given the gateways the platform has registered for the tenant. A recorded gateway the
     * platform does not know (its database was reset) means the agent's data belongs to a platform that is gone:
     * the folder is cleared so that the gateway starts over.
     */
    Step next(Collection<String> registeredGateways) {
        Optional<String> id = gatewayId();
        if (id.isPresent() && !registeredGateways.contains(id.get())) {
            startOver();
            return Step.REGISTER;
        }
        if (id.isEmpty()) {
            return Step.REGISTER;
        }
        return enrolled() ? Step.REUSE : Step.ENROLL;
    }

    /** The recorded gateway id, or a new random one ({@code EDMO} and ten digits) that is recorded now. */
    String gatewayIdOrNew() {
        return gatewayId().orElseGet(() -> {
            String id = String.format("EDMO%010d", RANDOM.nextLong(10_000_000_000L));
            Properties p = new Properties();
            p.setProperty("gateway.id", id);
            write(GATEWAY_FILE, p, "demo gateway of the run command; delete this folder to start over");
            return id;
        });
    }

    /** The meter's registers saved at the newest slot boundary, if any. */
    Optional<VirtualMeter.Registers> meter() {
        Properties p = read(METER_FILE);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VirtualMeter.Registers(Long.parseLong(p.getProperty("import.t1")),
                    Long.parseLong(p.getProperty("import.t2")), Long.parseLong(p.getProperty("export")),
                    Long.parseLong(p.getProperty("sec.index"))));
        } catch (RuntimeException e) {
            throw new IllegalStateException(dir.resolve(METER_FILE) + " is damaged (" + e.getMessage()
                    + "): delete " + dir + " to start this demo gateway over", e);
        }
    }

    /** Replaces the saved registers (written to a new file, then renamed over the old one). */
    void saveMeter(VirtualMeter.Registers registers) {
        Properties p = new Properties();
        p.setProperty("import.t1", Long.toString(registers.importT1()));
        p.setProperty("import.t2", Long.toString(registers.importT2()));
        p.setProperty("export", Long.toString(registers.export()));
        p.setProperty("sec.index", Long.toString(registers.secIndex()));
        write(METER_FILE, p, "registers in 0.1 Wh at the newest slot boundary");
    }

    void startOver() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private Properties read(String name) {
        Properties p = new Properties();
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private void write(String name, Properties p, String comment) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, comment);
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }
}
