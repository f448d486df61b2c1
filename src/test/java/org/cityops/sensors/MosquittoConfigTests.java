package org.cityops.sensors;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Mosquitto configuration CityOps ships (deploy/mosquitto), run by Debian's mosquitto
 * 2.0 (installed by .ci/run; this class runs with the browser tests, in -Pbrowser): no
 * anonymous or wrongly signed-in client, a device publishes only its own telemetry and
 * subscribes to nothing, the platform's account reads everything.
 */
class MosquittoConfigTests {

	@TempDir
	Path dir;

	Process broker;

	int port;

	@BeforeEach
	void start() throws Exception {
		assertThat(Path.of("/usr/sbin/mosquitto")).as("Debian's mosquitto (apt-get install mosquitto)").exists();
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		String conf = Files.readString(Path.of("deploy/mosquitto/cityops.conf"))
			.replace("listener 1883 127.0.0.1", "listener " + this.port + " 127.0.0.1")
				// started as root, mosquitto would drop to the user 'mosquitto', who
				// cannot read this test's
				// private folder; installed as a service it runs as that user with
				// /etc/mosquitto paths
				+ "\nuser " + System.getProperty("user.name") + "\n";
		Files.writeString(this.dir.resolve("cityops.conf"), conf);
		Files.createDirectories(this.dir.resolve("data"));
	}

	/** Starts mosquitto once the test has written its password file and ACL. */
	private void startBroker() throws Exception {
		this.broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", "cityops.conf").directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("mosquitto.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
			try (Socket s = new Socket("127.0.0.1", this.port)) {
				return true;
			}
		});
	}

	@AfterEach
	void stop() throws Exception {
		if (this.broker != null) {
			this.broker.destroy();
			this.broker.waitFor(20, TimeUnit.SECONDS);
		}
	}

	@Test
	void onlyAccountsGetInAndEachDeviceWritesOnlyItsOwnTopic() throws Exception {
		Files.copy(Path.of("deploy/mosquitto/acl"), this.dir.resolve("acl"));
		passwd("-c", "cityops-platform", "platform-secret");
		passwd(null, "SMK-1", "device-one");
		passwd(null, "SMK-2", "device-two");
		startBroker();
		assertThat(connects(null, null)).as("anonymous").isFalse();
		assertThat(connects("SMK-1", "wrong")).as("a wrong password").isFalse();
		assertThat(connects("nobody", "device-one")).as("an unknown user").isFalse();

		Mqtt5AsyncClient platform = client("cityops-platform", "platform-secret");
		List<String> received = listen(platform);
		Mqtt5AsyncClient device = client("SMK-1", "device-one");
		publish(device, "cityops/sensors/SMK-2/telemetry", "forged");
		publish(device, "cityops/sensors/SMK-1/telemetry", "own");
		// one client's messages arrive in order: once "own" is in, "forged" would be too
		await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("cityops/sensors/SMK-1/telemetry own"));
		assertThat(received).as("nothing published for another device")
			.containsExactly("cityops/sensors/SMK-1/telemetry own");
		// Mosquitto 2.0 grants a device's subscription but checks the ACL on delivery: it
		// hears nothing
		List<String> overheard = new CopyOnWriteArrayList<>();
		device.subscribeWith()
			.topicFilter("cityops/sensors/+/telemetry")
			.qos(MqttQos.AT_LEAST_ONCE)
			.callback((p) -> overheard.add(p.getTopic().toString()))
			.send()
			.join();
		Mqtt5AsyncClient other = client("SMK-2", "device-two");
		publish(other, "cityops/sensors/SMK-2/telemetry", "first");
		publish(other, "cityops/sensors/SMK-2/telemetry", "second");
		// both went out to every subscriber in turn; the platform has the second, so the
		// device
		// would have had the first by now
		await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("cityops/sensors/SMK-2/telemetry second"));
		assertThat(overheard).as("a device may not listen to the others").isEmpty();
		other.disconnect().join();
		device.disconnect().join();
		platform.disconnect().join();
	}

	/**
	 * The files CityOps makes from its registry (GET /api/v1/sensors/mosquitto/passwd and
	 * /acl) are taken by mosquitto as they are: its hashes sign the accounts in, and a
	 * gateway writes for its own devices only.
	 */
	@Test
	void thePasswordFileAndAclMadeFromTheRegistryWorkInMosquitto() throws Exception {
		Map<String, String> hashes = new LinkedHashMap<>();
		hashes.put("cityops-platform", MosquittoFiles.hash("platform-secret"));
		hashes.put("GW-1", MosquittoFiles.hash("gateway-one"));
		hashes.put("SMK-1", MosquittoFiles.hash("device-one"));
		Files.writeString(this.dir.resolve("passwd"), MosquittoFiles.passwordFile(hashes));
		Files.writeString(this.dir.resolve("acl"),
				MosquittoFiles.acl("cityops-platform", Map.of("GW-1", List.of("SMK-3", "SMK-4"))));
		startBroker();
		assertThat(connects("SMK-1", "device-two")).as("a wrong password").isFalse();
		assertThat(connects("GW-1", "device-one")).as("another account's password").isFalse();

		Mqtt5AsyncClient platform = client("cityops-platform", "platform-secret");
		List<String> received = listen(platform);
		Mqtt5AsyncClient gateway = client("GW-1", "gateway-one");
		publish(gateway, "cityops/sensors/SMK-1/telemetry", "not its device");
		publish(gateway, "cityops/sensors/SMK-3/telemetry", "its device");
		Mqtt5AsyncClient device = client("SMK-1", "device-one");
		publish(device, "cityops/sensors/SMK-1/telemetry", "own");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> received.contains("cityops/sensors/SMK-3/telemetry its device")
					&& received.contains("cityops/sensors/SMK-1/telemetry own"));
		assertThat(received).as("the gateway wrote only for its devices")
			.containsExactlyInAnyOrder("cityops/sensors/SMK-3/telemetry its device",
					"cityops/sensors/SMK-1/telemetry own");
		device.disconnect().join();
		gateway.disconnect().join();
		platform.disconnect().join();
	}

	/** Every telemetry message the client hears, as topic and payload. */
	private static List<String> listen(Mqtt5AsyncClient client) {
		List<String> received = new CopyOnWriteArrayList<>();
		client.subscribeWith()
			.topicFilter("cityops/sensors/+/telemetry")
			.qos(MqttQos.AT_LEAST_ONCE)
			.callback(
					(p) -> received.add(p.getTopic() + " " + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)))
			.send()
			.join();
		return received;
	}

	private void passwd(String flag, String user, String password) throws IOException, InterruptedException {
		List<String> command = (flag != null)
				? List.of("/usr/bin/mosquitto_passwd", flag, "-b", "passwd", user, password)
				: List.of("/usr/bin/mosquitto_passwd", "-b", "passwd", user, password);
		Process p = new ProcessBuilder(command).directory(this.dir.toFile()).redirectErrorStream(true).start();
		assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
	}

	private Mqtt5AsyncClient client(String user, String password) {
		return MqttTestClients.signedIn(this.port, user + "-" + System.nanoTime(), user, password);
	}

	private boolean connects(String user, String password) {
		return MqttTestClients.connects(this.port, "try-" + System.nanoTime(), user, password);
	}

	private static void publish(Mqtt5AsyncClient client, String topic, String payload) {
		client.publishWith()
			.topic(topic)
			.qos(MqttQos.AT_LEAST_ONCE)
			.payload(payload.getBytes(StandardCharsets.UTF_8))
			.send()
			.exceptionally((ex) -> null)
			.join();
	}

}
