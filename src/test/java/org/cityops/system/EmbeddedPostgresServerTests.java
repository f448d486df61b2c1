package org.cityops.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedPostgresServerTests {

	@TempDir
	Path dataDir;

	/**
	 * Started in another JVM by the kill -9 test: opens the server, commits a row, says
	 * READY, then waits.
	 */
	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, false);
		try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement()) {
			s.execute("create table survivor (note text)");
			s.execute("insert into survivor values ('committed before the crash')");
		}
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.currentThread().join();
	}

	@Test
	void dataSurvivesAKillMinusNineAndTheOrphanedServerIsShutDown() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedPostgresServerTests.class.getName(),
				this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY")) {
				// skip start-up logging
			}
			assertThat(line).as("the child JVM should report READY").startsWith("READY");
		}
		child.destroyForcibly(); // SIGKILL: no shutdown hooks run
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Path pgData = this.dataDir.resolve("postgres");
		assertThat(StalePostmaster.find(pgData)).as("pg_ctl detaches the postmaster, so it outlives the JVM")
			.isPresent();

		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.dataDir, 0, false);
				Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select note from survivor")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("committed before the crash");
		}
		assertThat(Files.exists(pgData.resolve("postmaster.pid"))).as("closed cleanly").isFalse();
	}

	@Test
	void aSecondProcessCannotShareTheDataDirectory() throws Exception {
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(this.dataDir, 0, false)) {
			assertThat(first.query("postgres", "show fsync")).isEqualTo("on");
			// A lock held by this JVM shows as an OverlappingFileLockException; another
			// JVM gets null from
			// tryLock. Either way the second start must refuse with a clear message.
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresServer.start(this.dataDir, 0, false))
				.withMessageContaining("data directory");
		}
	}

}
