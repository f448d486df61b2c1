package org.cityops.cases;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.CityOpsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform runs in its own JVM, reports pour in, and the JVM and the embedded
 * PostgreSQL's postmaster are both killed with SIGKILL mid-stream (a power cut), so that
 * PostgreSQL's crash recovery runs at the restart. Afterwards every case that was
 * answered 201 is there, and retrying every report sent — answered or still in flight at
 * the kill — with its idempotency key makes no second case of any.
 */
class AcceptedCasesSurviveKillTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String auth = "Basic "
			+ Base64.getEncoder().encodeToString("operator:cityops-demo".getBytes(StandardCharsets.UTF_8));

	@Test
	void everyCaseAnswered201SurvivesAKillMinusNine() throws Exception {
		int port = freePort();
		Process app = start(port);
		List<Long> accepted = new CopyOnWriteArrayList<>();
		java.util.Map<String, Long> answeredKeys = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.Set<String> sentKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
		AtomicBoolean sending = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			awaitHealthy(port);
			for (int t = 0; t < 8; t++) {
				clients.submit(() -> {
					while (sending.get()) {
						String key = java.util.UUID.randomUUID().toString();
						sentKeys.add(key);
						Answer answer = report(port, key);
						if (answer.status() == 201) {
							accepted.add(answer.id());
							answeredKeys.put(key, answer.id());
						}
					}
				});
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 200);
			ProcessHandle postmaster = postmaster();
			// SIGKILL to both at once while requests are in flight: nothing shuts down
			// cleanly
			postmaster.destroyForcibly();
			app.destroyForcibly();
			assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
			await().atMost(Duration.ofSeconds(30)).until(() -> !postmaster.isAlive());
		}
		finally {
			sending.set(false);
			clients.shutdownNow();
			clients.awaitTermination(10, TimeUnit.SECONDS);
			app.destroyForcibly();
		}
		List<Long> answered = List.copyOf(accepted);
		Process restarted = start(port);
		try {
			awaitHealthy(port);
			for (long id : answered) {
				HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(url(port, "/api/v1/cases/" + id))
					.header("Authorization", this.auth)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(r.statusCode()).as("case %d was answered 201 before the kill", id).isEqualTo(200);
			}
			long before = total(port);
			int madeNow = 0;
			for (String key : sentKeys) {
				// an answered report answers its first case again (200); one in flight at
				// the kill
				// was either committed (200) or not (201: made now, once)
				Long first = answeredKeys.get(key);
				Answer again = report(port, key);
				if (first != null) {
					assertThat(again).as("the retried report %s", key).isEqualTo(new Answer(200, first));
				}
				else {
					assertThat(again.status()).as("the retried report %s", key).isIn(200, 201);
					madeNow += (again.status() == 201) ? 1 : 0;
				}
			}
			assertThat(total(port)).as("one case per report sent, none twice").isEqualTo(before + madeNow);
		}
		finally {
			restarted.destroy();
			restarted.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
	}

	/** An answer to a report: its status (0: none came) and the case's id. */
	record Answer(int status, Long id) {
	}

	/** Reports a case with the idempotency key. */
	private Answer report(int port, String key) {
		String body = "{\"channel\":\"HOTLINE\",\"categoryCode\":\"06010\",\"description\":\"崩溃测试\",\"lon\":121.39,\"lat\":31.28}";
		try {
			HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(url(port, "/api/v1/cases"))
				.header("Authorization", this.auth)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode id = r.body().startsWith("{") ? JSON.readTree(r.body()).get("id") : null;
			return new Answer(r.statusCode(), (id != null) ? id.asLong() : null);
		}
		catch (IOException | InterruptedException ex) {
			return new Answer(0, null);
		}
	}

	/**
	 * The embedded PostgreSQL's postmaster, by the pid on the first line of its pid file.
	 */
	private ProcessHandle postmaster() throws IOException {
		long pid = Long
			.parseLong(java.nio.file.Files.readAllLines(this.dataDir.resolve("postgres").resolve("postmaster.pid"))
				.get(0)
				.trim());
		return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No postmaster " + pid));
	}

	/** How many cases there are, as the API counts them. */
	private long total(int port) throws IOException, InterruptedException {
		HttpResponse<String> r = this.http.send(
				HttpRequest.newBuilder(url(port, "/api/v1/cases?size=1")).header("Authorization", this.auth).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode total = JSON.readTree(r.body()).get("total");
		assertThat(total).as(r.body()).isNotNull();
		return total.asLong();
	}

	private Process start(int port) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				CityOpsApplication.class.getName(), "--cityops.data-dir=" + this.dataDir,
				"--cityops.test.shared-database=false", "--server.port=" + port, "--server.address=127.0.0.1",
				"--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(this.dataDir.resolve("app-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private void awaitHealthy(int port) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(url(port, "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200;
		});
	}

	private static URI url(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
