package org.cityops.sensors;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;

/** MQTT 5 clients for tests of a broker's door, on 127.0.0.1. */
final class MqttTestClients {

	private MqttTestClients() {
	}

	/**
	 * A client signed in with the credentials (null user: anonymous), not yet connected.
	 */
	static Mqtt5AsyncClient client(int port, String id, String username, String password) {
		Mqtt5ClientBuilder builder = MqttClient.builder()
			.useMqttVersion5()
			.identifier(id)
			.serverHost("127.0.0.1")
			.serverPort(port);
		if (username != null) {
			builder = builder.simpleAuth()
				.username(username)
				.password(password.getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth();
		}
		return builder.buildAsync();
	}

	/** A connected client signed in with the credentials. */
	static Mqtt5AsyncClient signedIn(int port, String id, String username, String password) {
		Mqtt5AsyncClient client = client(port, id, username, password);
		client.connect().join();
		return client;
	}

	/** Whether the broker lets a client with these credentials (null: none) in. */
	static boolean connects(int port, String id, String username, String password) {
		Mqtt5AsyncClient client = client(port, id, username, password);
		try {
			client.connect().get(10, TimeUnit.SECONDS);
			client.disconnect().join();
			return true;
		}
		catch (ExecutionException refused) {
			return false;
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
