package org.cityops.sensors;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one telemetry message, {@code {"ts": "2026-11-22T08:00:00Z" | 1795334400000,
 * "values": {"level_cm": 12.5}}} (the device id from the MQTT topic or a
 * {@code "deviceId"} field), and checks it against the registry: known device, known
 * metrics, values in range, a believable time. A message is taken whole or refused whole,
 * with one reason.
 */
final class TelemetryParser {

	static final int MAX_BYTES = 16 * 1024;

	static final Duration FUTURE = Duration.ofMinutes(5);

	static final Duration PAST = Duration.ofDays(7);

	private static final ObjectMapper JSON = new ObjectMapper();

	private TelemetryParser() {
	}

	/** Why a message was refused. */
	enum Reason {

		TOO_LARGE, NOT_JSON, BAD_SHAPE, UNKNOWN_DEVICE, UNKNOWN_METRIC, OUT_OF_RANGE, TIME_IN_FUTURE, TIME_TOO_OLD,
		/**
		 * Checked and found good, but the database would not store it (kept so the rest
		 * goes on).
		 */
		STORE_FAILED

	}

	/** The readings of a message, or why it was refused (one of the two). */
	record Parsed(String deviceId, List<Reading> readings, Reason reason, String detail) {

		static Parsed refused(String deviceId, Reason reason, String detail) {
			return new Parsed(deviceId, List.of(), reason, detail);
		}

		boolean ok() {
			return this.reason == null;
		}

	}

	static Parsed parse(String topicDeviceId, byte[] payload, Instant now, Registry.Snapshot registry) {
		if (payload.length > MAX_BYTES) {
			return Parsed.refused(topicDeviceId, Reason.TOO_LARGE, payload.length + " bytes; at most " + MAX_BYTES);
		}
		JsonNode node;
		try {
			node = JSON.readTree(payload);
		}
		catch (java.io.IOException ex) {
			return Parsed.refused(topicDeviceId, Reason.NOT_JSON, "not JSON");
		}
		return parse(topicDeviceId, node, now, registry);
	}

	static Parsed parse(String topicDeviceId, JsonNode node, Instant now, Registry.Snapshot registry) {
		if (node == null || !node.isObject()) {
			return Parsed.refused(topicDeviceId, Reason.BAD_SHAPE, "a message is a JSON object with ts and values");
		}
		String deviceId = (topicDeviceId != null) ? topicDeviceId : text(node.get("deviceId"));
		if (deviceId == null) {
			return Parsed.refused(null, Reason.BAD_SHAPE, "no deviceId");
		}
		if (DeadLetters.hasControlCharacter(deviceId)) {
			return Parsed.refused(deviceId, Reason.BAD_SHAPE, "the device id contains a control character");
		}
		Device device = registry.devices().get(deviceId);
		if (device == null) {
			return Parsed.refused(deviceId, Reason.UNKNOWN_DEVICE, "device " + deviceId + " is not registered");
		}
		Instant at = time(node.get("ts"));
		if (at == null) {
			return Parsed.refused(deviceId, Reason.BAD_SHAPE, "ts is an ISO-8601 instant or epoch milliseconds");
		}
		if (at.isAfter(now.plus(FUTURE))) {
			return Parsed.refused(deviceId, Reason.TIME_IN_FUTURE, at + " is ahead of the server clock");
		}
		if (at.isBefore(now.minus(PAST))) {
			return Parsed.refused(deviceId, Reason.TIME_TOO_OLD, at + " is more than 7 days old");
		}
		JsonNode values = node.get("values");
		if (values == null || !values.isObject() || values.isEmpty()) {
			return Parsed.refused(deviceId, Reason.BAD_SHAPE, "values is an object of metric → number");
		}
		SensorType type = registry.types().get(device.typeCode());
		List<Reading> readings = new ArrayList<>(values.size());
		for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> e = it.next();
			if (DeadLetters.hasControlCharacter(e.getKey())) {
				return Parsed.refused(deviceId, Reason.BAD_SHAPE, "a metric name contains a control character");
			}
			SensorType.Metric metric = type.metric(e.getKey()).orElse(null);
			if (metric == null) {
				return Parsed.refused(deviceId, Reason.UNKNOWN_METRIC,
						"a " + type.code() + " has no metric " + e.getKey());
			}
			if (!e.getValue().isNumber() && !e.getValue().isBoolean()) {
				return Parsed.refused(deviceId, Reason.BAD_SHAPE, e.getKey() + " is not a number");
			}
			double v = e.getValue().isBoolean() ? (e.getValue().asBoolean() ? 1 : 0) : e.getValue().asDouble();
			if (!Double.isFinite(v) || v < metric.min() || v > metric.max()) {
				return Parsed.refused(deviceId, Reason.OUT_OF_RANGE,
						e.getKey() + " = " + v + " outside " + metric.min() + " … " + metric.max());
			}
			readings.add(new Reading(device.id(), at, metric.name(), v));
		}
		return new Parsed(deviceId, readings, null, null);
	}

	private static Instant time(JsonNode ts) {
		if (ts == null) {
			return null;
		}
		if (ts.isIntegralNumber()) {
			return Instant.ofEpochMilli(ts.asLong());
		}
		if (ts.isTextual()) {
			try {
				return Instant.parse(ts.asText());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		return (node != null && node.isTextual() && !node.asText().isBlank()) ? node.asText().trim() : null;
	}

}
