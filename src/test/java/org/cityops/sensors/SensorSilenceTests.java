package org.cityops.sensors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cityops.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules that fire on silence, with the clock moved by the test: a dropped gateway is
 * one alarm with its devices' offline alarms folded under it, and they clear as devices
 * come back; a door not opened for 24 hours in an elderly person's home becomes a
 * welfare-visit case for the committee.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
class SensorSilenceTests {

	static final Instant T = Instant.parse("2026-04-01T02:00:00Z");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	SensorSweeper sweeper;

	@Autowired
	Partitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDroppedGatewayIsOneAlarmAndASilentHomeBecomesAWelfareVisit() {
		MutableClock.INSTANCE.set(T);
		this.partitions.maintain();
		SensorClient sensors = new SensorClient(this.rest);
		String gateway = sensors.gateway();
		String s1 = sensors.device("SMOKE", gateway);
		String s2 = sensors.device("SMOKE", gateway);
		String door = sensors.device("DOOR", null);
		sensors.send(List.of(SensorClient.reading(s1, T, Map.of("smoke", 0)),
				SensorClient.reading(s2, T, Map.of("smoke", 0)), SensorClient.reading(door, T, Map.of("open", 1))));

		MutableClock.INSTANCE.set(T.plus(Duration.ofHours(2)));
		this.sweeper.sweep();
		assertThat(sensors.alarms(s1)).isEmpty();

		MutableClock.INSTANCE.set(T.plus(Duration.ofHours(4)));
		this.sweeper.sweep();
		this.sweeper.sweep();
		Long gatewayAlarm = this.jdbc
			.sql("select id from sensor_gateway_alarm where gateway_id = ? and cleared_at is null")
			.param(gateway)
			.query(Long.class)
			.single();
		for (String device : List.of(s1, s2)) {
			List<JsonNode> alarms = sensors.alarms(device);
			assertThat(alarms).singleElement().satisfies((a) -> {
				assertThat(a.path("rule").asText()).isEqualTo("OFFLINE");
				assertThat(a.path("parent_id").asLong()).isEqualTo(gatewayAlarm);
			});
		}
		assertThat(sensors.alarms(door)).singleElement()
			.satisfies((a) -> assertThat(a.path("parent_id").isNull() || a.path("parent_id").isMissingNode()).isTrue());

		Instant back = T.plus(Duration.ofHours(4)).plusSeconds(60);
		MutableClock.INSTANCE.set(back);
		sensors.send(s1, back, Map.of("smoke", 0));
		assertThat(sensors.alarms(s1).get(0).path("state").asText()).isEqualTo("CLEARED");
		assertThat(sensors.alarms(s2).get(0).path("state").asText()).isEqualTo("ACTIVE");
		this.sweeper.sweep();
		assertThat(
				this.jdbc.sql("select count(*) from sensor_gateway_alarm where gateway_id = ? and cleared_at is null")
					.param(gateway)
					.query(Long.class)
					.single())
			.isZero();

		MutableClock.INSTANCE.set(T.plus(Duration.ofHours(25)));
		this.sweeper.sweep();
		JsonNode inactive = sensors.alarms(door)
			.stream()
			.filter((a) -> a.path("rule").asText().equals("NO_MOVEMENT"))
			.findFirst()
			.orElseThrow();
		assertThat(inactive.path("severity").asText()).isEqualTo("CRITICAL");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sensors.alarms(door)
				.stream()
				.anyMatch((a) -> a.path("rule").asText().equals("NO_MOVEMENT") && a.path("case_id").isNumber()));
		long caseId = sensors.alarms(door)
			.stream()
			.filter((a) -> a.path("rule").asText().equals("NO_MOVEMENT"))
			.findFirst()
			.orElseThrow()
			.path("case_id")
			.asLong();
		JsonNode c = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + caseId, JsonNode.class);
		assertThat(c.path("categoryCode").asText()).isEqualTo("L01001");
		assertThat(c.path("channel").asText()).isEqualTo("SENSOR");
		assertThat(c.path("departmentCode").asText()).startsWith("JW");

		// the door opens: the inactivity alarm clears; the welfare visit goes on
		Instant opened = T.plus(Duration.ofHours(25)).plusSeconds(30);
		sensors.send(door, opened, Map.of("open", 1));
		assertThat(sensors.alarms(door)).allSatisfy((a) -> assertThat(a.path("state").asText()).isEqualTo("CLEARED"));
	}

}
