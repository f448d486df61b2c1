package org.cityops.sensors;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.cityops.CityOpsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telemetry over real MQTT: the embedded broker, a real MQTT 5 client publishing with QoS
 * 1, and a second application instance on the same broker (shared subscription) and the
 * same database: every message is stored once, every smoke alarm raised once, every case
 * opened once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MqttIngestTests {

	static final int PORT = freePort();

	static final String PLATFORM_PASSWORD = "platform-test-secret";

	@DynamicPropertySource
	static void mqtt(DynamicPropertyRegistry registry) {
		registry.add("cityops.sensors.mqtt.enabled", () -> "true");
		registry.add("cityops.sensors.mqtt.embedded", () -> "true");
		registry.add("cityops.sensors.mqtt.port", () -> PORT);
		registry.add("cityops.sensors.mqtt.client-id", () -> "cityops-test-a");
		// the platform's own account on its broker, known to the second instance too
		registry.add("cityops.sensors.mqtt.password", () -> PLATFORM_PASSWORD);
		// one group with the second instance, which uses this instance's broker
		registry.add("cityops.sensors.mqtt.shared", () -> "true");
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void twoInstancesShareTheSubscriptionAndNothingIsLostOrDuplicated() throws Exception {
		SensorClient sensors = new SensorClient(this.rest);
		List<String> water = new ArrayList<>();
		List<String> smoke = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			water.add(sensors.device("WATER_LEVEL", null));
		}
		for (int i = 0; i < 5; i++) {
			smoke.add(sensors.device("SMOKE", null));
		}
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CityOpsApplication.class).run(
				"--spring.datasource.url=" + this.dataSource.getJdbcUrl(), "--spring.datasource.username=postgres",
				"--cityops.demo=false", "--server.port=0", "--cityops.sensors.mqtt.enabled=true",
				"--cityops.sensors.mqtt.embedded=false", "--cityops.sensors.mqtt.port=" + PORT,
				"--cityops.sensors.mqtt.client-id=cityops-test-b", "--cityops.sensors.mqtt.batch=200",
				"--cityops.sensors.mqtt.password=" + PLATFORM_PASSWORD);
				DeviceClients clients = new DeviceClients(this.rest.getRootUri(), PORT)) {
			double before = accepted(this.meters);
			Instant base = Instant.now().minusSeconds(600);
			List<CompletableFuture<?>> sent = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				for (String device : water) {
					sent.add(publish(clients.client(device), device, base.plusSeconds(i),
							"{\"level_cm\":" + (i % 5) + "}"));
				}
				for (String device : smoke) {
					sent.add(publish(clients.client(device), device, base.plusSeconds(i),
							"{\"smoke\":" + ((i >= 100) ? 1 : 0) + "}"));
				}
			}
			for (int i = 0; i < 200; i++) {
				sent.add(clients.client(water.get(i % water.size()))
					.publishWith()
					.topic("cityops/sensors/" + water.get(i % water.size()) + "/telemetry")
					.qos(MqttQos.AT_LEAST_ONCE)
					.payload(("not json " + i).getBytes(StandardCharsets.UTF_8))
					.send());
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
			clients.close();

			List<String> all = new ArrayList<>(water);
			all.addAll(smoke);
			await().atMost(Duration.ofSeconds(60)).until(() -> readings(all) == 5000);
			// HiveMQ CE hands a shared subscription's messages to the subscriber with
			// free
			// capacity: the second instance, with its window of 20, cannot take them all
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc
					.sql("select count(*) from sensor_dead_letter where source like 'MQTT cityops-test-%'")
					.query(Long.class)
					.single() == 200);
			List<String> sources = this.jdbc
				.sql("select distinct source from sensor_dead_letter where source like 'MQTT cityops-test-%'")
				.query(String.class)
				.list();
			assertThat(accepted(this.meters) - before + accepted(second.getBean(MeterRegistry.class)))
				.as("messages taken by both instances together")
				.isEqualTo(5000);
			// which instance took them is the broker's choice; with HiveMQ CE 2025.5 one
			// subscriber of the group took all of them in every run so far (see
			// docs/sensors.md)
			assertThat(sources).isNotEmpty().allMatch((s) -> s.startsWith("MQTT cityops-test-"));
			for (String device : smoke) {
				List<JsonNode> alarms = sensors.alarms(device);
				assertThat(alarms).as(device).hasSize(1);
				assertThat(alarms.get(0).path("rule").asText()).isEqualTo("SMOKE");
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> smoke.stream().allMatch((d) -> sensors.alarms(d).get(0).path("case_id").isNumber()));
			for (String device : smoke) {
				long alarm = sensors.alarms(device).get(0).path("id").asLong();
				assertThat(this.jdbc.sql("select count(*) from case_file where idempotency_key = ?")
					.param("alarm:" + alarm)
					.query(Long.class)
					.single()).as("cases for " + device).isEqualTo(1);
			}
		}
	}

	@Test
	void aPoisonMessageIsDeadLetteredOnItsOwnAndEveryGoodOneAroundItIsStored() throws Exception {
		SensorClient sensors = new SensorClient(this.rest);
		String gauge = sensors.device("WATER_LEVEL", null);
		DeviceClients clients = new DeviceClients(this.rest.getRootUri(), PORT);
		Mqtt5AsyncClient publisher = clients.client(gauge);
		Instant base = Instant.now().minusSeconds(300);
		List<String> poisons = List.of("{\"ts\":\"" + base + "\",\"values\":{\"level\u0000cm\":3}}",
				"{\"ts\":\"2026\u0000\",\"values\":{\"level_cm\":3}}", "\u0000\u0001 not json",
				"{\"ts\":\"" + base + "\",\"values\":{\"level_cm\":\"\u0000\"}}");
		long lettersBefore = this.jdbc.sql("select count(*) from sensor_dead_letter where payload like '%' || ? || '%'")
			.param("\\u0000")
			.query(Long.class)
			.single();
		for (int i = 0; i < 40; i++) {
			publish(publisher, gauge, base.plusSeconds(i), "{\"level_cm\":" + (i % 5) + "}").join();
			if (i % 10 == 5) {
				publisher.publishWith()
					.topic("cityops/sensors/" + gauge + "/telemetry")
					.qos(MqttQos.AT_LEAST_ONCE)
					.payload(poisons.get(i / 10).getBytes(StandardCharsets.UTF_8))
					.send()
					.join();
			}
		}
		clients.close();
		await().atMost(Duration.ofSeconds(60)).until(() -> readings(List.of(gauge)) == 40);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from sensor_dead_letter where payload like '%' || ? || '%'")
				.param("\\u0000")
				.query(Long.class)
				.single() == lettersBefore + 4);
	}

	@Test
	void theBrokerLetsInOnlyTheRegistrysCredentialsAndEachOnlyToItsOwnTopic() throws Exception {
		SensorClient sensors = new SensorClient(this.rest);
		String mine = sensors.device("WATER_LEVEL", null);
		String other = sensors.device("WATER_LEVEL", null);
		assertThat(MqttTestClients.connects(PORT, "anonymous-" + PORT, null, null)).as("anonymous").isFalse();
		assertThat(MqttTestClients.connects(PORT, "guess-" + PORT, mine, "wrong")).as("a wrong password").isFalse();
		assertThat(MqttTestClients.connects(PORT, "platform-guess-" + PORT, "cityops-platform", "wrong"))
			.as("the platform's name")
			.isFalse();
		try (DeviceClients clients = new DeviceClients(this.rest.getRootUri(), PORT)) {
			Mqtt5AsyncClient device = clients.client(mine);
			Instant at = Instant.now().minusSeconds(60);
			var foreign = device.publishWith()
				.topic("cityops/sensors/" + other + "/telemetry")
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(("{\"ts\":\"" + at + "\",\"values\":{\"level_cm\":90}}").getBytes(StandardCharsets.UTF_8))
				.send();
			assertThat(foreign).failsWithin(Duration.ofSeconds(10));
			var subscription = clients.client(other)
				.subscribeWith()
				.topicFilter("cityops/sensors/+/telemetry")
				.qos(MqttQos.AT_LEAST_ONCE)
				.callback((p) -> {
				})
				.send();
			assertThat(subscription).as("a device may not listen to the others").failsWithin(Duration.ofSeconds(10));
			// a client that overstepped may have been disconnected: sign in again
			try (DeviceClients again = new DeviceClients(this.rest.getRootUri(), PORT, clients.secrets())) {
				publish(again.client(mine), mine, at, "{\"level_cm\":5}").join();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> readings(List.of(mine)) == 1);
			assertThat(readings(List.of(other))).as("nothing published for another device").isZero();
		}
		String gateway = sensors.gateway();
		String behind = sensors.device("SMOKE", gateway);
		String password = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForObject("/api/v1/sensors/gateways/" + gateway + "/credentials", null, JsonNode.class)
			.path("password")
			.asText();
		Instant at = Instant.now().minusSeconds(30);
		Mqtt5AsyncClient hub = MqttTestClients.signedIn(PORT, "gateway-a-" + PORT, gateway, password);
		assertThat(publish(hub, mine, at, "{\"level_cm\":9}")).as("not the gateway's device")
			.failsWithin(Duration.ofSeconds(10));
		// the broker disconnects a client that overstepped; the gateway signs in again
		hub = MqttTestClients.signedIn(PORT, "gateway-b-" + PORT, gateway, password);
		publish(hub, behind, at, "{\"smoke\":0,\"battery\":90}").join();
		await().atMost(Duration.ofSeconds(30)).until(() -> readings(List.of(behind)) == 2); // smoke
																							// and
																							// battery
		assertThat(readings(List.of(mine))).isEqualTo(1);
		hub.disconnect().join();

		// the same accounts for an external Mosquitto: the password file holds the
		// gateway's secret in Mosquitto's format, the ACL lets it write for its device
		org.springframework.http.ResponseEntity<String> passwd = this.rest.withBasicAuth("admin", "cityops-demo")
			.getForEntity("/api/v1/sensors/mosquitto/passwd", String.class);
		assertThat(passwd.getStatusCode().value()).isEqualTo(200);
		String line = passwd.getBody()
			.lines()
			.filter((l) -> l.startsWith(gateway + ":"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + gateway + " in " + passwd.getBody()));
		assertThat(line).startsWith(gateway + ":$7$101$");
		assertThat(MosquittoFiles.matches(line.substring(gateway.length() + 1), password)).isTrue();
		assertThat(MosquittoFiles.matches(line.substring(gateway.length() + 1), "wrong")).isFalse();
		assertThat(passwd.getBody()).as("no secret in the clear").doesNotContain(password);
		String acl = this.rest.withBasicAuth("admin", "cityops-demo")
			.getForObject("/api/v1/sensors/mosquitto/acl", String.class);
		assertThat(acl).contains("user " + gateway + "\ntopic write cityops/sensors/" + behind + "/telemetry\n");
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/sensors/mosquitto/passwd", String.class)
			.getStatusCode()
			.value()).as("hashes are for the administrator").isEqualTo(403);
	}

	private long readings(List<String> devices) {
		return this.jdbc.sql("select count(*) from sensor_reading where device_id = any(cast(:ids as text[]))")
			.param("ids", "{" + String.join(",", devices) + "}")
			.query(Long.class)
			.single();
	}

	private static double accepted(MeterRegistry meters) {
		var counter = meters.find("cityops.sensors.messages").tag("outcome", "accepted").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static CompletableFuture<?> publish(Mqtt5AsyncClient client, String device, Instant at, String values) {
		return client.publishWith()
			.topic("cityops/sensors/" + device + "/telemetry")
			.qos(MqttQos.AT_LEAST_ONCE)
			.payload(("{\"ts\":\"" + at + "\",\"values\":" + values + "}").getBytes(StandardCharsets.UTF_8))
			.send();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
