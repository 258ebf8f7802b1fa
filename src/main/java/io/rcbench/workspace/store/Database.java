package io.rcbench.workspace.store;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
 * when missing and replays the journal left by a crash. Thread-safe: each call borrows a pooled connection in
 * auto-commit mode.
 *
 * <p>Writes are durable when they return, as a MongoDB journaled write is: {@link #update} commits in H2, appends
 * the statement to the {@link Journal}, then waits for a group commit ({@link GroupCommit}: one fdatasync of the
 * journal shared by every writer waiting at the time). So whatever a caller acknowledges after a write survives a
 * kill -9 of the process or a power cut. H2 writes its own file in the background ({@code WRITE_DELAY}); when a
 * journal file passes {@link #JOURNAL_ROTATE_BYTES}, the flusher starts a new one, checkpoints H2 with fsync, and
 * deletes the old. {@link #batch} (seeding) is not journaled: it checkpoints H2 with fsync before returning.
 * Writers block for about one fsync; they run on worker threads, never on an event loop.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long a writer waits for its group commit before failing; an fsync takes milliseconds. */
    private static final Duration DURABLE_TIMEOUT = Duration.ofSeconds(30);
    /** A journal file this large is retired behind an H2 checkpoint: bounds replay time and disk use. */
    static final long JOURNAL_ROTATE_BYTES = 16L << 20;
    private final JdbcConnectionPool pool;
    private final Connection flushConnection;
    private final Journal journal;
    private final GroupCommit commits;
    /** Held from a write's H2 statement to its journal append, so the journal's order is the commit order. */
    private final Object writeLock = new Object();
    private final Path journalDir;
    private boolean closed;

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
        journalDir = dataDir.resolve("journal");
        try {
            Files.createDirectories(journalDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir, e);
        }
        // WRITE_DELAY paces H2's background writer; durability comes from the journal, not from it
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=1000;DB_CLOSE_ON_EXIT=FALSE";
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(33);
        createSchema();
        try {
            flushConnection = pool.getConnection();
            List<Path> left = Journal.files(journalDir);
            replay(left);
            journal = new Journal(journalDir);
            for (Path f : left) {
                Files.delete(f);
            }
        } catch (SQLException | IOException e) {
            pool.dispose();
            throw new StoreException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
        commits = new GroupCommit(this::flush, DURABLE_TIMEOUT);
    }

    /** Re-applies the journal of a run that did not close its database, then checkpoints H2 so it can go. */
    private void replay(List<Path> files) throws IOException, SQLException {
        if (files.isEmpty()) {
            return;
        }
        List<Journal.Entry> entries = Journal.replay(files);
        int skipped = 0;
        for (Journal.Entry e : entries) {
            try (PreparedStatement ps = flushConnection.prepareStatement(e.sql())) {
                for (int i = 0; i < e.params().size(); i++) {
                    ps.setObject(i + 1, e.params().get(i));
                }
                ps.executeUpdate();
            } catch (SQLException ex) {
                if (!"23505".equals(ex.getSQLState())) {
                    throw ex;
                }
                skipped++; // H2 had written it before the crash
            }
        }
        checkpointSync();
        LOG.info("journal replayed: {} statements from {} file(s), {} already in the database", entries.size(), files.size(),
            skipped);
    }

    /** The group commit's flush: the journal's fdatasync; now and then a rotation behind an H2 checkpoint. */
    private void flush() throws IOException, SQLException {
        journal.sync();
        if (journal.currentSize() >= JOURNAL_ROTATE_BYTES) {
            // every entry of the older files was committed in H2 before it was appended, so this checkpoint covers it
            List<Path> older = journal.rotate();
            checkpointSync();
            for (Path f : older) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Writes every committed change to H2's file and fsyncs it (MVStore commit, then FileChannel.force). */
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
            List<Object> params = new ArrayList<>();
            binder.bind(recording(ps, params));
            synchronized (writeLock) {
                rows = ps.executeUpdate();
                journal.append(sql, params);
            }
        } catch (SQLException e) {
            StoreException failure = StoreException.of(sql, e);
            if (failure.isDuplicateKey()) {
                commits.await();
            }
            throw failure;
        } catch (IOException e) {
            throw new StoreException("cannot write the journal: " + e.getMessage(), e);
        }
        commits.await(); // after giving the connection back: a writer waiting on the disk holds no connection
        return rows;
    }

    /**
     * {@code ps} as the binder sees it: every {@code setXxx(index, value)} also lands in {@code params}, for the
     * journal. The binders of the stores use setString/setLong/setInt/setBoolean/setNull only.
     */
    private static PreparedStatement recording(PreparedStatement ps, List<Object> params) {
        return (PreparedStatement) Proxy.newProxyInstance(Database.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
                if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    while (params.size() < i) {
                        params.add(null);
                    }
                    params.set(i - 1, method.getName().equals("setNull") ? null : args[1]);
                }
                try {
                    return method.invoke(ps, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /**
     * Returns once every change committed before the call is durable (see the class comment), including one that
     * another writer committed in H2 and is appending to the journal right now.
     */
    public void awaitDurable() {
        synchronized (writeLock) {
            // nothing: entering waits for a write between its H2 commit and its journal append
        }
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
            checkpointSync(); // not journaled: made durable in H2's own file before returning
        } catch (SQLException e) {
            throw StoreException.of(sql, e);
        }
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
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        commits.close();
        GroupCommit.Stats stats = commits.stats();
        LOG.info("group commit: {} durable writes in {} commits", stats.writes(), stats.flushes());
        try {
            flushConnection.close();
        } catch (SQLException e) {
            // the pool is disposed below anyway
        }
        boolean shutDown = false;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN"); // writes everything to H2's file: the journal is no longer needed
            shutDown = true;
        } catch (SQLException e) {
            LOG.warn("cannot shut the database down cleanly; its journal stays and is replayed at the next start: {}",
                e.getMessage());
        } finally {
            pool.dispose();
        }
        try {
            journal.close();
            if (shutDown) {
                for (Path f : Journal.files(journalDir)) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the journal after a clean close (it is replayed harmlessly): {}", e.getMessage());
        }
    }
}
