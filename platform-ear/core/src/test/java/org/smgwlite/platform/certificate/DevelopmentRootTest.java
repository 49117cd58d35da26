package org.smgwlite.platform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smgwlite.platform.deployment.DeploymentGuard;
import org.smgwlite.platform.deployment.DevelopmentValue;

/** The platform makes up a root only where the guard allows it, and marks the one it made up. */
class DevelopmentRootTest {

    private static PlatformRoot root(Path dir, DeploymentGuard guard) {
        PkiSettings settings = new PkiSettings();
        settings.secret = DevelopmentValue.DEV_PKI_SECRET;
        settings.dir = Optional.of(dir.toString());
        PlatformRoot root = new PlatformRoot();
        root.settings = settings;
        root.guard = guard;
        root.store = new InMemoryRootStore();
        return root;
    }

    /** The database's {@code platform_root} of one node alone ({@link SharedRootTest} has the real one). */
    static final class InMemoryRootStore extends PlatformRootStore {
        private StoredRoot recorded;

        @Override
        public Optional<StoredRoot> find() {
            return Optional.ofNullable(recorded);
        }

        @Override
        public StoredRoot recordIfNone(StoredRoot root) {
            if (recorded == null) {
                recorded = root;
            }
            return recorded;
        }
    }

    @Test
    void refused_by_the_guard_no_root_is_written(@TempDir Path dir) {
        DeploymentGuard production = new DeploymentGuard() {
            @Override
            public void requireDevelopmentRootAllowed() {
                throw new IllegalStateException("production mode refuses to start");
            }
        };

        assertThatThrownBy(() -> root(dir, production).certificate()).hasMessageContaining("refuses to start");
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void allowed_the_made_up_root_is_marked_as_development_root(@TempDir Path dir) {
        DeploymentGuard development = new DeploymentGuard() {
            @Override
            public void requireDevelopmentRootAllowed() {
            }
        };

        assertThat(root(dir, development).certificate().getSubjectX500Principal().getName()).contains("SMGW.Lite Root CA");
        assertThat(Files.exists(dir.resolve("root").resolve(PlatformRoot.DEVELOPMENT_MARKER))).isTrue();
        assertThat(PlatformRoot.isDevelopmentRoot(dir)).isTrue();
    }
}
