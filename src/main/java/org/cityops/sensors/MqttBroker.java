package org.cityops.sensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The embedded MQTT broker (HiveMQ CE), listening on {@code host}:{@code port}
 * (127.0.0.1:1883 by default). It lives and dies with the platform, so it keeps nothing
 * on disk: after a kill -9, HiveMQ CE 2025.5 restarted on its own files stopped
 * delivering to the shared subscription. Messages it acknowledged but the platform had
 * not yet committed are lost with the process (at most one batch and the ingest queue);
 * an external broker with persistent sessions
 * ({@code cityops.sensors.mqtt.embedded=false}) keeps them. Every client signs in
 * ({@link MqttSecurity}): devices and gateways with the credentials the registry issued,
 * the platform with its own account; anonymous and wrong credentials are refused.
 */
@Component
@ConditionalOnExpression("${cityops.sensors.mqtt.enabled:true} and ${cityops.sensors.mqtt.embedded:true}")
class MqttBroker implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);

	private final MqttProperties properties;

	private final Path folder;

	private final MqttAccounts accounts;

	private EmbeddedHiveMQ hivemq;

	MqttBroker(MqttProperties properties, MqttAccounts accounts, @Value("${cityops.data-dir:./data}") String dataDir) {
		this.properties = properties;
		this.accounts = accounts;
		this.folder = Path.of(dataDir, "mqtt").toAbsolutePath();
	}

	@Override
	public void afterPropertiesSet() {
		try {
			Path conf = Files.createDirectories(this.folder.resolve("conf"));
			Files.createDirectories(this.folder.resolve("data"));
			Files.createDirectories(this.folder.resolve("extensions"));
			Files.writeString(conf.resolve("config.xml"),
					"""
							<?xml version="1.0"?>
							<hivemq>
							  <listeners>
							    <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
							  </listeners>
							  <mqtt>
							    <queued-messages><max-queue-size>1000000</max-queue-size><strategy>discard-oldest</strategy></queued-messages>
							    <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
							    <session-expiry><max-interval>86400</max-interval></session-expiry>
							  </mqtt>
							  <persistence><mode>in-memory</mode></persistence>
							<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
							</hivemq>
							"""
						.formatted(this.properties.port(), this.properties.host()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the MQTT broker's folder " + this.folder, ex);
		}
		// acknowledge a QoS 1 publish only once the broker has stored it: otherwise a
		// kill of
		// the process loses what was acknowledged in its last moments
		InternalConfigurations.ACKNOWLEDGE_INCOMING_PUBLISH_AFTER_PERSISTING_ENABLED.set(true);
		this.hivemq = EmbeddedHiveMQ.builder()
			.withConfigurationFolder(this.folder.resolve("conf"))
			.withDataFolder(this.folder.resolve("data"))
			.withExtensionsFolder(this.folder.resolve("extensions"))
			.withEmbeddedExtension(MqttSecurity.extension(this.accounts))
			.build();
		this.hivemq.start().join();
		log.info("Embedded MQTT broker listening on {}:{} (data in {})", this.properties.host(), this.properties.port(),
				this.folder);
	}

	@Override
	public void destroy() throws Exception {
		if (this.hivemq != null) {
			this.hivemq.stop().join();
			this.hivemq.close();
		}
	}

}
