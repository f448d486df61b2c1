package org.cityops.sensors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MQTT ({@code cityops.sensors.mqtt.*}).
 *
 * @param enabled subscribe to telemetry at all
 * @param embedded start the embedded broker (HiveMQ CE) in this process; off to use an
 * external broker at {@code host}:{@code port}
 * @param clientId this instance's client id; a persistent session keeps QoS 1 messages
 * while it is down, so it must stay the same across restarts and differ between instances
 * @param group the shared-subscription group: instances in one group split the messages
 * @param batch most messages stored in one transaction
 * @param persistentSessions keep the subscription's session (and its queued messages)
 * while this instance is down; by default only with an external broker: the embedded one
 * is down whenever the instance is, and HiveMQ CE 2025.5 stopped delivering to a
 * persistent shared-subscription session resumed after a kill -9 (docs/sensors.md)
 * @param shared subscribe with an MQTT 5 shared subscription (in {@code group}); by
 * default only with an external broker: the embedded one serves one instance, and HiveMQ
 * CE 2025.5 delivered a shared subscription at about a fifth of a plain one's rate here
 * (docs/benchmarks.md)
 */
@ConfigurationProperties("cityops.sensors.mqtt")
record MqttProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean embedded,
		@DefaultValue("127.0.0.1") String host, @DefaultValue("1883") int port, String username, String password,
		@DefaultValue("cityops-1") String clientId, @DefaultValue("cityops") String group,
		@DefaultValue("2000") int batch, Boolean persistentSessions, Boolean shared) {

	static final String TOPIC = "cityops/sensors/+/telemetry";

	MqttProperties {
		if (batch < 1) {
			throw new IllegalArgumentException("cityops.sensors.mqtt.batch is at least 1");
		}
	}

	boolean persistentSession() {
		return (this.persistentSessions != null) ? this.persistentSessions : !this.embedded;
	}

	boolean sharedSubscription() {
		return (this.shared != null) ? this.shared : !this.embedded;
	}

	/** What to subscribe to: the telemetry topic, shared in the group or not. */
	String topicFilter() {
		return sharedSubscription() ? "$share/" + this.group + "/" + TOPIC : TOPIC;
	}

}
