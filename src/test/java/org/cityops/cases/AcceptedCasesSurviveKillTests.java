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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cityops.CityOpsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform runs in its own JVM, reports pour in, and the JVM is killed with SIGKILL
 * mid-stream. After a restart on the same data directory every case that was answered 201
 * is there.
 */
class AcceptedCasesSurviveKillTests {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

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
		AtomicBoolean sending = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			awaitHealthy(port);
			for (int t = 0; t < 8; t++) {
				clients.submit(() -> {
					while (sending.get()) {
						report(port).ifPresent(accepted::add);
					}
				});
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 200);
			app.destroyForcibly(); // SIGKILL while requests are in flight
			assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
		}
		finally {
			restarted.destroy();
			restarted.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
	}

	private java.util.Optional<Long> report(int port) {
		String body = "{\"channel\":\"HOTLINE\",\"categoryCode\":\"06010\",\"description\":\"崩溃测试\",\"lon\":121.39,\"lat\":31.28}";
		try {
			HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(url(port, "/api/v1/cases"))
				.header("Authorization", this.auth)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = ID.matcher(r.body());
			return (r.statusCode() == 201 && m.find()) ? java.util.Optional.of(Long.parseLong(m.group(1)))
					: java.util.Optional.empty();
		}
		catch (IOException | InterruptedException ex) {
			return java.util.Optional.empty();
		}
	}

	private Process start(int port) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp",
				System.getProperty("java.class.path"), CityOpsApplication.class.getName(),
				"--cityops.data-dir=" + this.dataDir, "--server.port=" + port, "--server.address=127.0.0.1",
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
