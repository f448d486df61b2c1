package org.cityops.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster that outlived the JVM that started it (kill -9 of the application leaves
 * it running, since pg_ctl detaches it). Only called while this process holds the data
 * directory's lock, so a live postmaster here belongs to nobody.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIfRunning(Path pgData) throws IOException {
		Optional<ProcessHandle> postmaster = find(pgData);
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("Found PostgreSQL (pid {}) left running on {} by a previous CityOps process; shutting it down",
				process.pid(), pgData);
		// SIGTERM is PostgreSQL's "smart" shutdown: the dead JVM's sessions are gone, so
		// it stops promptly and
		// cleanly, with a checkpoint.
		process.destroy();
		try {
			process.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("PostgreSQL pid " + process.pid() + " on " + pgData
					+ " did not stop within 60 s; stop it by hand and start CityOps again");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Interrupted while waiting for PostgreSQL pid " + process.pid(), ex);
		}
	}

	static Optional<ProcessHandle> find(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).trim());
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((p) -> p.info().command().map((c) -> c.contains("postgres")).orElse(true));
	}

}
