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
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database of one workspace, stored in {@code <dataDir>/db}. Opening it creates the schema
 * when missing. Thread-safe: each call borrows a pooled connection in auto-commit mode.
 */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;

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
        // WRITE_DELAY=100: acknowledged writes reach the file within 100 ms, as MongoDB's journal commit interval.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE";
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(32);
        createSchema();
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

    /** Runs an INSERT/UPDATE/DELETE; returns the affected row count. */
    public int update(String sql, Binder binder) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of(sql, e);
        }
    }

    /** Runs one statement for many rows in a single transaction (seeding). */
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
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed or shutting down: nothing left to flush
        } finally {
            pool.dispose();
        }
    }
}
