package org.cityops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * One PostgreSQL server for the whole test JVM, and one database per application context
 * copied from a migrated template ({@code create database … template …}), instead of a
 * server started, initialised and migrated for every context.
 * <p>
 * Active when {@code cityops.test.shared-database=true} (the tests' configuration) and no
 * {@code spring.datasource.url} is given; the tests of the embedded server itself and the
 * kill tests' child processes turn it off and get the application's own embedded
 * PostgreSQL, with its durable settings. This server runs with fsync off: its data lives
 * as long as the test JVM.
 */
public final class TestDatabases implements EnvironmentPostProcessor {

	static final String ENABLED = "cityops.test.shared-database";

	private static final String TEMPLATE = "cityops_template";

	private static final AtomicInteger next = new AtomicInteger();

	private static EmbeddedPostgres server;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false)
				|| StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		String database = "cityops_" + next.incrementAndGet();
		execute("create database " + database + " template " + TEMPLATE);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("shared test database",
					Map.of("spring.datasource.url",
							"jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database,
							"spring.datasource.username", "postgres")));
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				Path directory = Files.createTempDirectory("cityops-test-pg");
				server = EmbeddedPostgres.builder()
					.setDataDirectory(directory)
					.setCleanDataDirectory(true)
					.setServerConfig("max_connections", "400")
					.setLocaleConfig("locale", "C")
					.setPGStartupWait(Duration.ofSeconds(120))
					.setRegisterShutdownHook(false)
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop, "test-postgres-stop"));
				run(server, "postgres", "create database " + TEMPLATE + " encoding 'UTF8'");
				Flyway.configure()
					.dataSource(server.getDatabase("postgres", TEMPLATE))
					.locations("classpath:db/migration")
					.load()
					.migrate();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the tests' PostgreSQL", ex);
			}
		}
		return server;
	}

	private static synchronized void execute(String sql) {
		run(server(), "postgres", sql);
	}

	private static void run(EmbeddedPostgres postgres, String database, String sql) {
		try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The tests' PostgreSQL refused '" + sql + "'", ex);
		}
	}

	/**
	 * Stops the server once Spring's own shutdown hook has closed the cached test
	 * contexts: stopped earlier, their connection pools would wait for a database that is
	 * gone.
	 */
	private static synchronized void stop() {
		// the JVM starts all shutdown hooks at once: look for Spring's for a moment
		long until = System.nanoTime() + 2_000_000_000L;
		List<Thread> spring = List.of();
		while (spring.isEmpty() && System.nanoTime() < until) {
			spring = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((t) -> t.getName().equals("SpringApplicationShutdownHook"))
				.toList();
			java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
		}
		for (Thread t : spring) {
			try {
				t.join(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is going away; its temporary directory goes with the server
		}
	}

}
