package io.rcbench.workspace.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one workspace, stored in {@code <dataDir>/db}. Opening it creates the schema
 * when missing. Thread-safe: each call borrows a pooled connection in auto-commit mode.
 *
 * <p>Writes are durable when they return: {@link #update} and {@link #batch} commit, then wait for a group
 * commit ({@link GroupCommit}: one {@code CHECKPOINT SYNC}, i.e. write and fsync, shared by every writer
 * waiting at the time), so whatever a caller acknowledges after a write survives a kill -9 of the process
 * or a power cut, as a MongoDB journaled write does. Callers therefore block for about one fsync per write;
 * they run on worker threads, never on an event loop.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long a writer waits for its group commit before failing; an fsync takes milliseconds. */
    private static final Duration DURABLE_TIMEOUT = Duration.ofSeconds(30);
    private final JdbcConnectionPool pool;
    private final Connection flushConnection;
    private final GroupCommit commits;

    /** A row mapper that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Sets statement parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public Database(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir, e);
        }
        // WRITE_DELAY only paces H2's background writer now; a write waits for its group commit instead. Left at
        // H2's own scale (not 0): 0 would write a chunk per statement, which the group commit exists to avoid.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE";
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(33);
        createSchema();
        try {
            flushConnection = pool.getConnection();
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the database " + dataDir.resolve("db"), e);
        }
        commits = new GroupCommit(this::checkpointSync, DURABLE_TIMEOUT);
    }

    /** Writes every committed change to the file and fsyncs it (H2: MVStore commit, then FileChannel.force). */
    private void checkpointSync() throws SQLException {
        try (Statement st = flushConnection.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    private void createSchema() {
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                for (String stmt : sql.split(";")) {
                    if (!stmt.isBlank()) {
                        st.execute(stmt);
                    }
                }
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot create the database schema", e);
        }
    }

    /**
     * Runs an INSERT/UPDATE/DELETE and returns the affected row count once the change is durable. A duplicate-key
     * failure also waits first: the row it clashed with may be another writer's, not yet durable, and the caller
     * may acknowledge it as an idempotent retry.
     */
    public int update(String sql, Binder binder) {
        int rows;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            rows = ps.executeUpdate();
        } catch (SQLException e) {
            StoreException failure = StoreException.of(sql, e);
            if (failure.isDuplicateKey()) {
                commits.await();
            }
            throw failure;
        }
        commits.await(); // after giving the connection back: a writer waiting on the disk holds no connection
        return rows;
    }

    /** Returns once every change committed before the call is durable (see the class comment). */
    public void awaitDurable() {
        commits.await();
    }

    /** Writes that waited for a group commit, and the commits that served them, since the database opened. */
    GroupCommit.Stats commitStats() {
        return commits.stats();
    }

    /** Runs one statement for many rows in a single transaction (seeding); returns once it is durable. */
    public <T> void batch(String sql, List<T> rows, BatchBinder<T> binder) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                for (T row : rows) {
                    binder.bind(ps, row);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.of(sql, e);
        }
        commits.await();
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    public interface BatchBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw StoreException.of(sql, e);
        }
    }

    public long count(String table) {
        return query("SELECT COUNT(*) FROM " + table, ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    @Override
    public void close() {
        commits.close();
        GroupCommit.Stats stats = commits.stats();
        LOG.info("group commit: {} durable writes in {} commits", stats.writes(), stats.flushes());
        try {
            flushConnection.close();
        } catch (SQLException e) {
            // the pool is disposed below anyway
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed or shutting down: nothing left to flush
        } finally {
            pool.dispose();
        }
    }
}
