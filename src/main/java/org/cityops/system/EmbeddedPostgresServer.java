package org.cityops.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server that lives in the application's data directory, bound to
 * 127.0.0.1, with durable commits.
 * <p>
 * zonky's defaults are tuned for throw-away test databases (fsync and synchronous_commit
 * off); CityOps keeps real data in it, so both are turned back on and checked after
 * start. A server left running by a JVM that was killed is found through its
 * {@code postmaster.pid} and shut down cleanly before a new one starts on the same
 * directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String DATABASE = "cityops";

	private final EmbeddedPostgres postgres;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final Path directory;

	private final boolean temporary;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, Path directory,
			boolean temporary) {
		this.postgres = postgres;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.directory = directory;
		this.temporary = temporary;
	}

	static EmbeddedPostgresServer start(Path dataDir, int port, boolean temporary) {
		try {
			Path directory = dataDir.toAbsolutePath().normalize();
			Files.createDirectories(directory);
			FileChannel channel = FileChannel.open(directory.resolve("cityops.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (java.nio.channels.OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new IllegalStateException("Another CityOps process is using the data directory " + directory
						+ ". Stop it, or give this one its own directory with --cityops.data-dir=<path>.");
			}
			Path pgData = directory.resolve("postgres");
			Files.createDirectories(pgData);
			StalePostmaster.stopIfRunning(pgData);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "200")
				.setLocaleConfig("locale", "C")
				.setPGStartupWait(Duration.ofSeconds(120))
				// stopped by the application context after the connection pool, not by
				// a JVM hook that races the graceful shutdown still writing to it
				.setRegisterShutdownHook(false)
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, channel, lock, directory, temporary);
			server.checkDurability();
			server.createDatabase();
			log.info("Embedded PostgreSQL is serving {} on 127.0.0.1:{} (data in {})", DATABASE, postgres.getPort(),
					pgData);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + DATABASE;
	}

	int port() {
		return this.postgres.getPort();
	}

	private void checkDurability() {
		for (String setting : List.of("fsync", "synchronous_commit")) {
			String value = query("postgres", "show " + setting);
			if (!"on".equals(value)) {
				throw new IllegalStateException("Embedded PostgreSQL runs with " + setting + "=" + value
						+ "; refusing to keep data that a crash could lose");
			}
		}
	}

	private void createDatabase() {
		String exists = query("postgres", "select count(*) from pg_database where datname = '" + DATABASE + "'");
		if ("0".equals(exists)) {
			execute("create database " + DATABASE + " encoding 'UTF8'");
		}
	}

	String query(String database, String sql) {
		try (Connection connection = this.postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Embedded PostgreSQL did not answer '" + sql + "'", ex);
		}
	}

	private void execute(String sql) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Embedded PostgreSQL refused '" + sql + "'", ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.postgres.close();
		}
		finally {
			this.lock.release();
			this.lockChannel.close();
			if (this.temporary) {
				deleteRecursively(this.directory);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
