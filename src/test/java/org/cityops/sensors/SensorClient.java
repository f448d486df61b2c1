package org.cityops.sensors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers test devices at 莲花公寓 and sends readings over HTTP with a sensors API key.
 */
class SensorClient {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final TestRestTemplate rest;

	final double lon;

	final double lat;

	SensorClient(TestRestTemplate rest) {
		this.rest = rest;
		JsonNode place = rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/grid/geocode?q=莲花公寓", JsonNode.class);
		this.lon = place.path("point").path("lon").asDouble();
		this.lat = place.path("point").path("lat").asDouble();
		ResponseEntity<JsonNode> client = rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "test-sensors-" + SEQUENCE.incrementAndGet(),
					"scopes", List.of("sensors"), "devices", List.of("*")), JsonNode.class);
		assertThat(client.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		this.key = client.getBody().path("key").asText();
	}

	/**
	 * The API key (scope sensors) that readings are sent with: staff may not post them.
	 */
	final String key;

	/** Registers a device of the type (through the gateway, if given); answers its id. */
	String device(String type, String gateway) {
		String id = type.substring(0, 3) + "-T" + System.nanoTime() % 100_000_000L + "-" + SEQUENCE.incrementAndGet();
		Map<String, Object> d = new HashMap<>();
		d.put("id", id);
		d.put("type", type);
		d.put("lon", this.lon);
		d.put("lat", this.lat);
		d.put("building", "3号楼");
		d.put("gateway", gateway);
		ResponseEntity<JsonNode> response = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices", List.of(d), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return id;
	}

	String gateway() {
		String id = "GW-T" + System.nanoTime() % 100_000_000L + "-" + SEQUENCE.incrementAndGet();
		this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/gateways", Map.of("id", id, "name", "测试网关"), JsonNode.class);
		return id;
	}

	static Map<String, Object> reading(String device, Instant at, Map<String, Object> values) {
		return Map.of("deviceId", device, "ts", at.toString(), "values", values);
	}

	JsonNode send(List<?> readings) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-API-Key", this.key);
		ResponseEntity<JsonNode> response = this.rest.postForEntity("/api/v1/sensors/readings",
				new HttpEntity<>(Map.of("readings", readings), headers), JsonNode.class);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	JsonNode send(String device, Instant at, Map<String, Object> values) {
		return send(List.of(reading(device, at, values)));
	}

	/** One device as the operator sees it (registry, state, reading count). */
	JsonNode device(String id) {
		return this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/sensors/devices/" + id, JsonNode.class);
	}

	List<JsonNode> alarms(String device) {
		JsonNode list = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/sensors/alarms?device=" + device, JsonNode.class);
		List<JsonNode> out = new ArrayList<>();
		list.forEach(out::add);
		return out;
	}

}
