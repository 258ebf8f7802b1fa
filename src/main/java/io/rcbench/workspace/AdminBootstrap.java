package io.rcbench.workspace;

import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.service.Accounts;
import io.rcbench.workspace.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the configured admin exists. A generated password goes to an owner-only file in the data
 * directory; the log names the file, never the password.
 */
final class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {
    }

    static void ensureAdmin(Stores stores, Accounts accounts, WorkspaceConfig cfg) {
        if (stores.users.byUsername(cfg.adminUsername()).isPresent()) {
            return;
        }
        String password = cfg.adminPassword();
        if (password == null) {
            password = RandomId.secret(24);
            Path file = cfg.dataDir().resolve("admin-password");
            try {
                Files.writeString(file, password);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException("cannot write the generated admin password to " + file, e);
            }
            LOG.info("created admin '{}'; its generated password is in {}", cfg.adminUsername(), file);
        }
        accounts.create(cfg.adminUsername(), "Administrator", cfg.adminUsername() + "@rcbench.invalid", password,
            Set.of("admin", "user"));
    }
}
