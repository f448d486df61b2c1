package org.cityops.sensors;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.cityops.CityOpsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform with its embedded broker runs in its own JVM; a real MQTT client publishes
 * readings and smoke with QoS 1, and the JVM is killed with SIGKILL mid-stream. After a
 * restart on the same data directory: no reading is stored twice, no alarm is duplicated,
 * every smoke alarm has its one case, and new readings are taken. (That no acknowledged
 * reading is lost is the telemetry issue's guarantee; with the embedded broker it does
 * not hold yet, see docs/sensors.md, and nothing here pretends it does.)
 */
class TelemetrySurvivesKillTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String auth = "Basic "
			+ Base64.getEncoder().encodeToString("operator:cityops-demo".getBytes(StandardCharsets.UTF_8));

	@Test
	void acknowledgedTelemetryAlarmsAndCasesSurviveAKillMinusNine() throws Exception {
		int port = freePort();
		int mqtt = freePort();
		List<String> devices = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			devices.add(String.format("WLV-%05d", i));
		}
		List<String> smoke = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			smoke.add(String.format("SMK-%05d", i));
		}
		Map<String, AtomicInteger> acked = new ConcurrentHashMap<>();
		Instant base = Instant.now().minus(Duration.ofHours(2));
		Process app = start(port, mqtt);
		int round = 0;
		Map<String, String> secrets = new ConcurrentHashMap<>();
		try {
			awaitHealthy(port);
			DeviceClients publisher = new DeviceClients("http://127.0.0.1:" + port, mqtt, secrets);
			while (total(acked) < 3000) {
				List<CompletableFuture<?>> sent = new ArrayList<>();
				for (String d : devices) {
					sent.add(publish(publisher.client(d), d, base.plusSeconds(round),
							"{\"level_cm\":" + (round % 4) + "}", acked));
				}
				for (String d : smoke) {
					sent.add(publish(publisher.client(d), d, base.plusSeconds(round),
							"{\"smoke\":" + ((round >= 2) ? 1 : 0) + "}", acked));
				}
				CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
				round++;
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> json(port, "/api/v1/sensors/alarms?state=OPEN").findValues("rule")
					.stream()
					.filter((r) -> r.asText().equals("SMOKE"))
					.count() >= 5);
			for (int r = round; r < round + 5; r++) {
				for (String d : devices) {
					publish(publisher.client(d), d, base.plusSeconds(r), "{\"level_cm\":1}", acked);
				}
			}
			app.destroyForcibly(); // SIGKILL with messages in flight
			assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			app.destroyForcibly();
		}
		Process restarted = start(port, mqtt);
		try {
			awaitHealthy(port);
			// Each water gauge published one reading per round (and five more after the
			// restart):
			// a redelivered message is stored once, never twice. That every reading the
			// embedded
			// broker acknowledged is stored is NOT guaranteed yet (it acknowledges before
			// the
			// platform commits; the telemetry issue) and so not asserted here.
			int published = round + 5;
			for (String d : devices) {
				assertThat(readings(port, d)).as("readings stored for %s", d).isLessThanOrEqualTo(published);
			}
			int withAlarm = 0;
			for (String d : smoke) {
				assertThat(smokeAlarms(port, d)).as("smoke alarms of %s", d).isLessThanOrEqualTo(1);
				if (smokeAlarms(port, d) == 1) {
					withAlarm++;
					await().atMost(Duration.ofSeconds(60)).until(() -> alarmCase(port, d) != null);
					JsonNode c = json(port, "/api/v1/cases/" + alarmCase(port, d));
					assertThat(c.path("channel").asText()).isEqualTo("SENSOR");
					assertThat(c.path("status").asText()).isEqualTo("DISPATCHED");
				}
			}
			assertThat(withAlarm).as("smoke alarms raised before the kill").isGreaterThanOrEqualTo(5);
			DeviceClients again = new DeviceClients("http://127.0.0.1:" + port, mqtt, secrets);
			Instant now = Instant.now();
			for (int i = 0; i < 5; i++) {
				publish(again.client(devices.get(i)), devices.get(i), now, "{\"level_cm\":77}",
						new ConcurrentHashMap<>())
					.join();
			}
			for (String d : smoke) {
				publish(again.client(d), d, now, "{\"smoke\":1}", new ConcurrentHashMap<>()).join();
			}
			for (int i = 0; i < 5; i++) {
				String device = devices.get(i);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> json(port, "/api/v1/sensors/devices/" + device).findValues("value")
						.stream()
						.anyMatch((v) -> v.asDouble() == 77.0));
			}
			for (String d : smoke) {
				await().atMost(Duration.ofSeconds(60)).until(() -> smokeAlarms(port, d) == 1);
				assertThat(smokeAlarms(port, d)).isEqualTo(1);
			}
			again.close();
		}
		finally {
			restarted.destroy();
			restarted.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private int readings(int port, String device) throws Exception {
		JsonNode count = json(port, "/api/v1/sensors/devices/" + device).findValue("readingCount");
		return (count != null) ? count.asInt() : -1;
	}

	/** How many smoke alarms the device has. */
	private long smokeAlarms(int port, String device) throws Exception {
		return json(port, "/api/v1/sensors/alarms?device=" + device).findValues("rule")
			.stream()
			.filter((r) -> r.asText().equals("SMOKE"))
			.count();
	}

	/** The case the device's alarm became, or null while there is none. */
	private String alarmCase(int port, String device) throws Exception {
		JsonNode id = json(port, "/api/v1/sensors/alarms?device=" + device).findValue("case_id");
		return (id != null && !id.isNull()) ? id.asText() : null;
	}

	private JsonNode json(int port, String path) throws Exception {
		return JSON.readTree(get(port, path));
	}

	private static int total(Map<String, AtomicInteger> acked) {
		return acked.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	private static CompletableFuture<?> publish(Mqtt5AsyncClient client, String device, Instant at, String values,
			Map<String, AtomicInteger> acked) {
		return client.publishWith()
			.topic("cityops/sensors/" + device + "/telemetry")
			.qos(MqttQos.AT_LEAST_ONCE)
			.payload(("{\"ts\":\"" + at + "\",\"values\":" + values + "}").getBytes(StandardCharsets.UTF_8))
			.send()
			.thenAccept((ack) -> acked.computeIfAbsent(device, (k) -> new AtomicInteger()).incrementAndGet())
			.exceptionally((ex) -> null);
	}

	private String get(int port, String path) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", this.auth)
			.build(), HttpResponse.BodyHandlers.ofString());
		return r.body();
	}

	private Process start(int port, int mqtt) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				CityOpsApplication.class.getName(), "--cityops.data-dir=" + this.dataDir,
				"--cityops.test.shared-database=false", "--server.port=" + port, "--server.address=127.0.0.1",
				"--cityops.sensors.mqtt.enabled=true", "--cityops.sensors.mqtt.embedded=true",
				"--cityops.sensors.mqtt.port=" + mqtt, "--cityops.sensors.demo-devices=true",
				"--cityops.sensors.demo-simulator=false", "--cityops.hotline.demo-orders=false",
				"--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "telemetry-kill-" + System.nanoTime() + ".log").toFile())
			.start();
	}

	private void awaitHealthy(int port) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			HttpResponse<String> r = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200;
		});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
