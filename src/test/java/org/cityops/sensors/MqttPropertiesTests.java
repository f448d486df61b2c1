package org.cityops.sensors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MqttPropertiesTests {

	@Test
	void subscribesPlainlyToTheEmbeddedBrokerAndSharedToAnExternalOne() {
		assertThat(properties(true, null).topicFilter()).isEqualTo("cityops/sensors/+/telemetry");
		assertThat(properties(false, null).topicFilter()).isEqualTo("$share/cityops/cityops/sensors/+/telemetry");
	}

	@Test
	void sharedSubscriptionCanBeChosenEitherWay() {
		assertThat(properties(true, true).topicFilter()).isEqualTo("$share/cityops/cityops/sensors/+/telemetry");
		assertThat(properties(false, false).topicFilter()).isEqualTo("cityops/sensors/+/telemetry");
	}

	private static MqttProperties properties(boolean embedded, Boolean shared) {
		return new MqttProperties(true, embedded, "127.0.0.1", 1883, null, null, "cityops-1", "cityops", 2000, null,
				shared);
	}

}
