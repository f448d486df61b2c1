package org.cityops.sensors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * MQTT clients that sign in as devices, each with the credentials the registry issues
 * through the API (asked once per device and kept, so that a later set of clients, after
 * a restart, signs in with the same ones).
 */
final class DeviceClients implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final int mqttPort;

	private final Map<String, String> secrets;

	private final Map<String, Mqtt5AsyncClient> clients = new ConcurrentHashMap<>();

	DeviceClients(String base, int mqttPort, Map<String, String> secrets) {
		this.base = base;
		this.mqttPort = mqttPort;
		this.secrets = secrets;
	}

	DeviceClients(String base, int mqttPort) {
		this(base, mqttPort, new ConcurrentHashMap<>());
	}

	/** The secrets issued so far, by device id. */
	Map<String, String> secrets() {
		return this.secrets;
	}

	/** A connected client signed in as the device. */
	Mqtt5AsyncClient client(String device) {
		return this.clients.computeIfAbsent(device, (id) -> {
			Mqtt5AsyncClient client = MqttClient.builder()
				.useMqttVersion5()
				.identifier("device-" + id + "-" + System.nanoTime())
				.serverHost("127.0.0.1")
				.serverPort(this.mqttPort)
				.simpleAuth()
				.username(id)
				.password(this.secrets.computeIfAbsent(id, this::issue).getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth()
				.buildAsync();
			client.connect().join();
			return client;
		});
	}

	/** Asks the registry (as the administrator) for a new secret for the device. */
	String issue(String device) {
		try {
			HttpResponse<String> r = HTTP.send(
					HttpRequest.newBuilder(URI.create(this.base + "/api/v1/sensors/devices/" + device + "/credentials"))
						.header("Authorization",
								"Basic " + Base64.getEncoder()
									.encodeToString("admin:cityops-demo".getBytes(StandardCharsets.UTF_8)))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("No credentials for " + device + ": " + r.body());
			}
			return JSON.readTree(r.body()).path("password").asText();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.clients.values().forEach((c) -> c.disconnect().exceptionally((ex) -> null).join());
		this.clients.clear();
	}

}
