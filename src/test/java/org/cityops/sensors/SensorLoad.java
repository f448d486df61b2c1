package org.cityops.sensors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.embedded.EmbeddedHiveMQ;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Load generator for sensor telemetry over MQTT (QoS 1): N simulated devices of three
 * kinds (water level, smoke, e-bike charger) publishing ordinary values, for the
 * benchmark and for anyone sizing a deployment. Modes:
 * <ul>
 * <li>{@code ceiling MESSAGES DEVICES [shared]}: an embedded HiveMQ CE in this process
 * and a subscriber that does nothing (on the plain topic as the platform subscribes to
 * its embedded broker, or as a shared subscription): how many messages per second the
 * broker alone delivers;</li>
 * <li>{@code register BASE_URL COUNT}: registers COUNT load devices ({@code LOAD-000001}
 * …) on a running platform through its CSV import (as {@code admin}), placed where the
 * demo's devices are;</li>
 * <li>{@code ingest BASE_URL MQTT_PORT MESSAGES DEVICES [RATE]}: the first DEVICES load
 * devices publish MESSAGES readings in turn, as fast as the broker takes them or at RATE
 * messages per second, and the platform's Prometheus counter tells how many per second it
 * stored with rules evaluated.</li>
 * </ul>
 */
public final class SensorLoad {

	private static final String[] TYPES = { "WATER_LEVEL", "SMOKE", "EBIKE_CHARGER" };

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:cityops-demo".getBytes(StandardCharsets.UTF_8));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private SensorLoad() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "ceiling" -> ceiling(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
					args.length > 3 && args[3].equals("shared"));
			case "register" -> register(args[1], Integer.parseInt(args[2]));
			case "ingest" -> ingest(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]), (args.length > 5) ? Integer.parseInt(args[5]) : 0);
			default -> throw new IllegalArgumentException("mode is ceiling, register or ingest");
		}
	}

	static String deviceId(int i) {
		return String.format("LOAD-%06d", i + 1);
	}

	private static void ceiling(int messages, int devices, boolean shared) throws Exception {
		Path dir = Files.createTempDirectory("hivemq-ceiling");
		Path conf = Files.createDirectories(dir.resolve("conf"));
		int port = 18830;
		Files.writeString(conf.resolve("config.xml"),
				"""
						<?xml version="1.0"?>
						<hivemq><listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
						<mqtt><queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
						<receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum></mqtt>
						<persistence><mode>in-memory</mode></persistence>
						<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics></hivemq>
						"""
					.formatted(port));
		try (EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
			.withConfigurationFolder(conf)
			.withDataFolder(Files.createDirectories(dir.resolve("data")))
			.withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
			.build()) {
			broker.start().join();
			AtomicLong received = new AtomicLong();
			CountDownLatch all = new CountDownLatch(messages);
			Mqtt5AsyncClient subscriber = MqttClient.builder()
				.useMqttVersion5()
				.identifier("ceiling-sub")
				.serverHost("127.0.0.1")
				.serverPort(port)
				.buildAsync();
			subscriber.connect().join();
			subscriber.subscribeWith()
				.topicFilter(shared ? "$share/load/" + MqttProperties.TOPIC : MqttProperties.TOPIC)
				.qos(MqttQos.AT_LEAST_ONCE)
				.callback((p) -> {
					received.incrementAndGet();
					all.countDown();
				})
				.send()
				.join();
			long start = System.nanoTime();
			publish(null, port, messages, devices, 0); // the bare broker: no accounts
			// until every message arrived, or 30 s went by without one
			long left;
			do {
				left = all.getCount();
			}
			while (!all.await(30, TimeUnit.SECONDS) && all.getCount() < left);
			if (received.get() < messages) {
				System.out.printf("ceiling: only %d of %d messages arrived%n", received.get(), messages);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("ceiling (%s subscription): broker alone delivered %d messages in %.1f s = %.0f msg/s%n",
					shared ? "shared" : "plain", received.get(), seconds, received.get() / seconds);
			subscriber.disconnect().join();
			broker.stop().join();
		}
	}

	/**
	 * The load's devices are published by four clients, each signed in as one gateway.
	 */
	static final int CLIENTS = 4;

	static String gateway(int client) {
		return "LOADGW-" + client;
	}

	private static void register(String base, int count) throws Exception {
		if (count % CLIENTS != 0) {
			throw new IllegalArgumentException("COUNT is a multiple of " + CLIENTS);
		}
		for (int c = 0; c < CLIENTS; c++) {
			post(base + "/api/v1/sensors/gateways", "application/json",
					"{\"id\":\"" + gateway(c) + "\",\"name\":\"load gateway " + c + "\"}");
		}
		JsonNode map = new ObjectMapper().readTree(get(base + "/api/v1/sensors/map"));
		StringBuilder csv = new StringBuilder("id,type,lon,lat,building,household,installed_on,gateway\n");
		for (int i = 0; i < count; i++) {
			JsonNode place = map.get(i % map.size());
			csv.append(deviceId(i))
				.append(',')
				.append(TYPES[i % TYPES.length])
				.append(',')
				.append(place.get(2).asDouble())
				.append(',')
				.append(place.get(3).asDouble())
				.append(",load,,2026-01-01,")
				.append(gateway(i % CLIENTS))
				.append('\n');
		}
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sensors/devices"))
			.header("Authorization", ADMIN)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Registering failed: " + response.statusCode() + " " + response.body());
		}
		System.out.printf("register: %d load devices in %.1f s (%s)%n", count, (System.nanoTime() - start) / 1e9,
				response.body());
	}

	private static void ingest(String base, int port, int messages, int devices, int rate) throws Exception {
		double before = accepted(base);
		long start = System.nanoTime();
		publish(base, port, messages, devices, rate);
		double published = (System.nanoTime() - start) / 1e9;
		double[] now = { before };
		try {
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> (now[0] = accepted(base)) - before >= messages);
		}
		catch (ConditionTimeoutException ex) {
			System.out.println("ingest: not every message was taken within 10 minutes");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out
			.printf("ingest: %d messages from %d devices published in %.1f s, taken (stored, rules evaluated) in %.1f s"
					+ " = %.0f msg/s%n", messages, devices, published, seconds, (now[0] - before) / seconds);
	}

	/**
	 * Publishes with QoS 1 from four connections, at most 20,000 unacknowledged at once;
	 * at {@code rate} messages per second if it is positive. Each device's readings are a
	 * second apart, starting two days ago, so that every one is new to the rules.
	 */
	private static void publish(String base, int port, int messages, int devices, int rate) throws Exception {
		List<Mqtt5AsyncClient> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			var builder = MqttClient.builder()
				.useMqttVersion5()
				.identifier("load-" + c + "-" + System.nanoTime())
				.serverHost("127.0.0.1")
				.serverPort(port);
			if (base != null) {
				String password = new ObjectMapper()
					.readTree(post(base + "/api/v1/sensors/gateways/" + gateway(c) + "/credentials", "application/json",
							""))
					.path("password")
					.asText();
				builder = builder.simpleAuth()
					.username(gateway(c))
					.password(password.getBytes(StandardCharsets.UTF_8))
					.applySimpleAuth();
			}
			Mqtt5AsyncClient client = builder.buildAsync();
			client.connect().join();
			clients.add(client);
		}
		long t0 = System.currentTimeMillis() - 2 * 86_400_000L;
		long start = System.nanoTime();
		List<CompletableFuture<?>> window = new ArrayList<>();
		for (int i = 0; i < messages; i++) {
			if (rate > 0) {
				long due = start + (long) (i * (1e9 / rate));
				while (System.nanoTime() < due) {
					LockSupport.parkNanos(due - System.nanoTime());
				}
			}
			int d = i % devices;
			byte[] payload = ("{\"ts\":" + (t0 + (long) (i / devices) * 1000L) + ",\"values\":" + values(d, i) + "}")
				.getBytes(StandardCharsets.UTF_8);
			window.add(clients.get(i % clients.size())
				.publishWith()
				.topic("cityops/sensors/" + deviceId(d) + "/telemetry")
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(payload)
				.send());
			if (window.size() == 20_000) {
				CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
				window.clear();
			}
		}
		CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
		clients.forEach((c) -> c.disconnect().join());
	}

	/** Ordinary values of the device's type: no alarm, every rule still evaluated. */
	private static String values(int device, int i) {
		return switch (TYPES[device % TYPES.length]) {
			case "WATER_LEVEL" -> "{\"level_cm\":" + (i % 3) + "}";
			case "SMOKE" -> "{\"smoke\":0,\"battery\":" + (60 + i % 40) + "}";
			default -> "{\"temperature_c\":" + (25 + i % 15) + ",\"current_a\":" + (i % 8) + "}";
		};
	}

	private static final Pattern ACCEPTED = Pattern
		.compile("cityops_sensors_messages_total\\{[^}]*outcome=\"accepted\"[^}]*\\} ([0-9.E+]+)");

	private static double accepted(String base) throws Exception {
		Matcher m = ACCEPTED.matcher(get(base + "/actuator/prometheus"));
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

	private static String post(String url, String type, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", ADMIN)
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String get(String url) throws Exception {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
