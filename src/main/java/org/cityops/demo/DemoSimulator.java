package org.cityops.demo;

import org.cityops.sensors.Registry;
import org.cityops.sensors.Telemetry;
import org.cityops.sensors.Device;
import org.cityops.sensors.SensorType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo town's sensors alive at their own low rate (each device once per
 * heartbeat, about four messages a second for Taopu's 7,182), with ordinary values, so
 * that the demo shows a living network and no device goes offline. Alarms come from what
 * a person sends (a smoke reading with {@code mosquitto_pub}, or over HTTP).
 */
@Component
@ConditionalOnProperty(name = { "cityops.demo", "cityops.sensors.demo-simulator" }, havingValue = "true",
		matchIfMissing = true)
class DemoSimulator {

	static final int TICK_SECONDS = 30;

	private final Registry registry;

	private final Telemetry telemetry;

	private final Clock clock;

	private final Random random = new Random();

	DemoSimulator(Registry registry, Telemetry telemetry, Clock clock) {
		this.registry = registry;
		this.telemetry = telemetry;
		this.clock = clock;
	}

	@Scheduled(fixedRate = TICK_SECONDS * 1000L, initialDelay = 5_000L)
	void tick() {
		Instant now = this.clock.instant();
		long slot = now.getEpochSecond() / TICK_SECONDS;
		Map<String, SensorType> types = this.registry.types()
			.stream()
			.collect(java.util.stream.Collectors.toMap(SensorType::code, (t) -> t));
		List<Telemetry.Incoming> batch = new ArrayList<>();
		for (Device d : this.registry.devices()) {
			SensorType type = types.get(d.typeCode());
			long slots = Math.max(1, type.heartbeatSeconds() / TICK_SECONDS);
			if (Math.floorMod(d.id().hashCode(), slots) == slot % slots) {
				batch.add(new Telemetry.Incoming(d.id(), payload(d.typeCode(), now)));
			}
			if (batch.size() == 2000) {
				this.telemetry.ingest(batch, "DEMO");
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			this.telemetry.ingest(batch, "DEMO");
		}
	}

	private byte[] payload(String type, Instant now) {
		String values = switch (type) {
			case "SMOKE" -> "\"smoke\":0,\"battery\":" + (60 + this.random.nextInt(40));
			case "EBIKE_CHARGER" ->
				"\"temperature_c\":" + (25 + this.random.nextInt(15)) + ",\"current_a\":" + this.random.nextInt(8);
			case "MANHOLE_TILT" ->
				"\"tilt_deg\":" + this.random.nextInt(3) + ",\"battery\":" + (50 + this.random.nextInt(50));
			case "WATER_LEVEL" -> "\"level_cm\":" + this.random.nextInt(3);
			case "DOOR" -> "\"open\":1";
			case "WATER_METER" -> "\"flow_l\":" + (5 + this.random.nextInt(80));
			case "SPRINKLER" -> "\"pressure_mpa\":" + (0.3 + this.random.nextInt(20) / 100.0);
			default -> "";
		};
		return ("{\"ts\":" + now.toEpochMilli() + ",\"values\":{" + values + "}}").getBytes(StandardCharsets.UTF_8);
	}

}
