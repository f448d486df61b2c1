package org.cityops.sensors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Subscribes to {@code cityops/sensors/{deviceId}/telemetry} (with an external broker as
 * an MQTT 5 shared subscription: instances in one group split the load), QoS 1, a
 * persistent session and manual acknowledgement: messages are taken in batches, stored in
 * one transaction, and only then acknowledged, so a crash before the commit means the
 * broker delivers them again (and the store ignores what it already has). A failed batch
 * is retried, never dropped; the bounded queue pushes back on the broker when the
 * database is slow.
 */
@Component
@ConditionalOnProperty(name = "cityops.sensors.mqtt.enabled", havingValue = "true", matchIfMissing = true)
class MqttIngest implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);

	private final Telemetry telemetry;

	private final MqttProperties properties;

	private final MqttAccounts.PlatformAccount account;

	private final BlockingQueue<Mqtt5Publish> queue;

	private volatile boolean running;

	private Mqtt5AsyncClient client;

	private Thread worker;

	MqttIngest(Telemetry telemetry, MqttProperties properties, MqttAccounts.PlatformAccount account,
			@Autowired(required = false) MqttBroker broker) {
		this.telemetry = telemetry;
		this.properties = properties;
		this.account = account;
		this.queue = new ArrayBlockingQueue<>(Math.max(10_000, properties.batch() * 10));
	}

	@Override
	public void start() {
		Mqtt5ClientBuilder builder = MqttClient.builder()
			.useMqttVersion5()
			.identifier(this.properties.clientId())
			.serverHost(this.properties.host())
			.serverPort(this.properties.port())
			.automaticReconnectWithDefaultConfig();
		if (this.account.password() != null) {
			builder = builder.simpleAuth()
				.username(this.account.username())
				.password(this.account.password().getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth();
		}
		this.client = builder.buildAsync();
		this.client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::arrived, true);
		this.running = true;
		this.worker = new Thread(this::work, "mqtt-ingest");
		this.worker.setDaemon(true);
		this.worker.start();
		// at most one batch unacknowledged: while a batch commits, the broker hands the
		// shared
		// subscription's messages to the other instances
		this.client.connectWith()
			.cleanStart(!this.properties.persistentSession())
			.sessionExpiryInterval(this.properties.persistentSession() ? 86_400 : 0)
			.restrictions()
			.receiveMaximum(Math.min(65_535, this.properties.batch()))
			.applyRestrictions()
			.send()
			.join();
		this.client.subscribeWith().topicFilter(this.properties.topicFilter()).qos(MqttQos.AT_LEAST_ONCE).send().join();
		log.info("Subscribed to {} on {}:{} as {}", this.properties.topicFilter(), this.properties.host(),
				this.properties.port(), this.properties.clientId());
	}

	private void arrived(Mqtt5Publish publish) {
		try {
			this.queue.put(publish);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void work() {
		List<Mqtt5Publish> batch = new ArrayList<>(this.properties.batch());
		while (this.running || !this.queue.isEmpty()) {
			try {
				Mqtt5Publish first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.properties.batch() - 1);
				store(batch);
				batch.forEach(Mqtt5Publish::acknowledge);
				batch.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Stores a batch, retrying until the database takes it. */
	private void store(List<Mqtt5Publish> batch) throws InterruptedException {
		List<Telemetry.Incoming> messages = new ArrayList<>(batch.size());
		for (Mqtt5Publish p : batch) {
			messages.add(new Telemetry.Incoming(deviceId(p.getTopic().toString()), p.getPayloadAsBytes()));
		}
		long wait = 100;
		while (true) {
			try {
				this.telemetry.ingest(messages, "MQTT " + this.properties.clientId());
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Storing {} MQTT messages failed ({}); retrying in {} ms", messages.size(), ex.getMessage(),
						wait);
				Thread.sleep(wait);
				wait = Math.min(wait * 2, 10_000);
			}
		}
	}

	/** {@code cityops/sensors/{deviceId}/telemetry} → deviceId. */
	static String deviceId(String topic) {
		String[] levels = topic.split("/");
		return (levels.length == 4) ? levels[2] : null;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.worker != null) {
			try {
				this.worker.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.client != null) {
			this.client.disconnect().join();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the web server and the database are up, stopped before them
		return Integer.MAX_VALUE - 100;
	}

}
