package org.cityops.sensors;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readings over HTTP through the rules to alarms and cases: a smoke event becomes one
 * alarm and one dispatched case however often and however concurrently it is reported;
 * water must stay high for five minutes; bad messages are counted and kept while the good
 * ones in the same batch are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SensorIngestApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	SensorClient sensors;

	Instant now;

	@BeforeEach
	void setUp() {
		this.sensors = new SensorClient(this.rest);
		this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void smokeReportedConcurrentlyIsOneAlarmAndOneDispatchedCase() throws Exception {
		String smoke = this.sensors.device("SMOKE", null);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<JsonNode>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Instant at = this.now.minusSeconds(8 - i);
			calls.add(() -> this.sensors.send(smoke, at, Map.of("smoke", 1, "battery", 90)));
		}
		pool.invokeAll(calls).forEach((f) -> {
			try {
				assertThat(f.get().path("accepted").asInt()).isEqualTo(1);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		pool.shutdown();
		List<JsonNode> alarms = this.sensors.alarms(smoke);
		assertThat(alarms).hasSize(1);
		assertThat(alarms.get(0).path("rule").asText()).isEqualTo("SMOKE");
		assertThat(alarms.get(0).path("state").asText()).isEqualTo("ACTIVE");
		assertThat(alarms.get(0).path("repeats").asInt()).isBetween(0, 7);
		long alarm = alarms.get(0).path("id").asLong();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.sensors.alarms(smoke).get(0).path("case_id").isNull()
					&& !this.sensors.alarms(smoke).get(0).path("case_id").isMissingNode());
		long caseId = this.sensors.alarms(smoke).get(0).path("case_id").asLong();
		JsonNode c = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + caseId, JsonNode.class);
		assertThat(c.path("channel").asText()).isEqualTo("SENSOR");
		assertThat(c.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(c.path("categoryCode").asText()).isEqualTo("01013");
		assertThat(c.path("description").asText()).contains(smoke).contains("烟雾报警");
		assertThat(this.jdbc.sql("select count(*) from case_file where idempotency_key = ?")
			.param("alarm:" + alarm)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the smoke is gone: the alarm clears; the case stays with its department
		this.sensors.send(smoke, this.now.plusSeconds(1), Map.of("smoke", 0));
		assertThat(this.sensors.alarms(smoke).get(0).path("state").asText()).isEqualTo("CLEARED");
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + caseId, JsonNode.class)
			.path("status")
			.asText()).isEqualTo("DISPATCHED");
	}

	@Test
	void waterMustStayHighForFiveMinutesAndClearsBelowTenCentimetres() {
		String water = this.sensors.device("WATER_LEVEL", null);
		Instant t0 = this.now.minus(Duration.ofMinutes(20));
		this.sensors.send(water, t0, Map.of("level_cm", 16));
		this.sensors.send(water, t0.plusSeconds(120), Map.of("level_cm", 18));
		this.sensors.send(water, t0.plusSeconds(240), Map.of("level_cm", 17));
		assertThat(this.sensors.alarms(water)).isEmpty();
		this.sensors.send(water, t0.plusSeconds(300), Map.of("level_cm", 16.5));
		assertThat(this.sensors.alarms(water)).singleElement()
			.satisfies((a) -> assertThat(a.path("rule").asText()).isEqualTo("WATER_HIGH"));
		this.sensors.send(water, t0.plusSeconds(360), Map.of("level_cm", 12));
		assertThat(this.sensors.alarms(water).get(0).path("state").asText()).isEqualTo("ACTIVE");
		this.sensors.send(water, t0.plusSeconds(420), Map.of("level_cm", 9));
		assertThat(this.sensors.alarms(water).get(0).path("state").asText()).isEqualTo("CLEARED");
		// a redelivered old reading is stored once and evaluated never
		this.sensors.send(water, t0.plusSeconds(300), Map.of("level_cm", 16.5));
		assertThat(this.sensors.alarms(water)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from sensor_reading where device_id = ?")
			.param(water)
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void aBatchWithBadReadingsIsRefusedWholeNamingEachAndStoresNothing() {
		String charger = this.sensors.device("EBIKE_CHARGER", null);
		List<Object> batch = List.of(SensorClient.reading(charger, this.now, Map.of("temperature_c", 35)),
				SensorClient.reading("NO-SUCH-DEVICE", this.now, Map.of("x", 1)),
				SensorClient.reading(charger, this.now, Map.of("temperature_c", 900)),
				SensorClient.reading(charger, this.now, Map.of("voltage", 220)),
				SensorClient.reading(charger, this.now.plus(Duration.ofHours(2)), Map.of("temperature_c", 30)),
				SensorClient.reading(charger, this.now.minus(Duration.ofDays(30)), Map.of("temperature_c", 30)),
				Map.of("deviceId", charger, "ts", "yesterday", "values", Map.of("temperature_c", 30)), "not an object",
				SensorClient.reading(charger, this.now, Map.of("temperature\u0000c", 30)));
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		json.set("X-API-Key", this.sensors.key);
		ResponseEntity<JsonNode> refused = this.rest.postForEntity("/api/v1/sensors/readings",
				new HttpEntity<>(Map.of("readings", batch), json), JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("errors")).extracting((e) -> e.path("index").asInt())
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(refused.getBody().path("errors")).extracting((e) -> e.path("reason").asText())
			.containsExactly("UNKNOWN_DEVICE", "OUT_OF_RANGE", "UNKNOWN_METRIC", "TIME_IN_FUTURE", "TIME_TOO_OLD",
					"BAD_SHAPE", "BAD_SHAPE", "BAD_SHAPE");
		assertThat(refused.getBody().path("errors").get(1).path("detail").asText()).contains("900");
		assertThat(this.sensors.device(charger).path("readingCount").asLong()).as("nothing stored").isZero();
		assertThat(this.sensors.send(List.of(batch.get(0))).path("accepted").asInt()).isEqualTo(1);

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-API-Key", this.sensors.key);
		ResponseEntity<JsonNode> notJson = this.rest.postForEntity("/api/v1/sensors/readings",
				new HttpEntity<>("{{{", headers), JsonNode.class);
		assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aKeyPostsOnlyForItsOwnDevicesAndTheDevicesOfItsGateways() {
		String gateway = this.sensors.gateway();
		String ofGateway = this.sensors.device("EBIKE_CHARGER", gateway);
		String own = this.sensors.device("EBIKE_CHARGER", null);
		String other = this.sensors.device("EBIKE_CHARGER", null);
		ResponseEntity<JsonNode> made = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "bound-" + System.nanoTime() % 1_000_000,
					"scopes", List.of("sensors"), "devices", List.of(own, gateway)), JsonNode.class);
		assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(made.getBody().path("client").path("devices")).extracting(JsonNode::asText)
			.containsExactly(own, gateway);
		String key = made.getBody().path("key").asText();

		ResponseEntity<JsonNode> mixed = post(key,
				List.of(SensorClient.reading(own, this.now, Map.of("temperature_c", 30)),
						SensorClient.reading(other, this.now, Map.of("temperature_c", 31)),
						SensorClient.reading(ofGateway, this.now, Map.of("temperature_c", 32))));
		assertThat(mixed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(mixed.getBody().path("errors")).singleElement().satisfies((e) -> {
			assertThat(e.path("index").asInt()).isEqualTo(1);
			assertThat(e.path("deviceId").asText()).isEqualTo(other);
		});
		for (String d : List.of(own, other, ofGateway)) {
			assertThat(this.sensors.device(d).path("readingCount").asLong()).as("nothing stored for " + d).isZero();
		}
		ResponseEntity<JsonNode> theirs = post(key,
				List.of(SensorClient.reading(own, this.now, Map.of("temperature_c", 30)),
						SensorClient.reading(ofGateway, this.now, Map.of("temperature_c", 32))));
		assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(theirs.getBody().path("accepted").asInt()).isEqualTo(2);

		ResponseEntity<JsonNode> unbound = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients",
					Map.of("name", "unbound-" + System.nanoTime() % 1_000_000, "scopes", List.of("sensors")),
					JsonNode.class);
		assertThat(unbound.getStatusCode().is4xxClientError()).as("a sensors key without devices").isTrue();
		assertThat(unbound.getBody().path("detail").asText()).contains("devices");
	}

	private ResponseEntity<JsonNode> post(String key, List<?> readings) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-API-Key", key);
		return this.rest.postForEntity("/api/v1/sensors/readings",
				new HttpEntity<>(Map.of("readings", readings), headers), JsonNode.class);
	}

	@Test
	void anOperatorConfirmsAnAlarmIntoACaseOrMarksItFalse() {
		String manhole = this.sensors.device("MANHOLE_TILT", null);
		this.sensors.send(manhole, this.now, Map.of("tilt_deg", 40));
		long alarm = this.sensors.alarms(manhole).get(0).path("id").asLong();
		assertThat(this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/sensors/alarms/" + alarm + "/acknowledge", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/sensors/alarms/" + alarm + "/acknowledge", null, JsonNode.class);
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/sensors/alarms/" + alarm + "/confirm?true=true", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.sensors.alarms(manhole).get(0).path("case_id").isNumber());
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/sensors/alarms/" + alarm + "/confirm?true=false", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		String other = this.sensors.device("MANHOLE_TILT", null);
		this.sensors.send(other, this.now, Map.of("tilt_deg", 30));
		long falseAlarm = this.sensors.alarms(other).get(0).path("id").asLong();
		this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/sensors/alarms/" + falseAlarm + "/confirm?true=false", null, JsonNode.class);
		JsonNode cleared = this.sensors.alarms(other).get(0);
		assertThat(cleared.path("state").asText()).isEqualTo("CLEARED");
		assertThat(cleared.path("verdict").asText()).isEqualTo("FALSE");
		assertThat(cleared.path("case_id").isNull() || cleared.path("case_id").isMissingNode()).isTrue();
	}

	@Test
	void devicesAreRegisteredAllOrNothingWithEveryProblemListed() {
		List<Map<String, Object>> bad = List.of(
				Map.of("id", "OK-1", "type", "SMOKE", "lon", this.sensors.lon, "lat", this.sensors.lat),
				Map.of("id", "bad id!", "type", "LASER", "lon", 100.0, "lat", 20.0), Map.of("id", "OK-2", "type",
						"SMOKE", "lon", this.sensors.lon, "lat", this.sensors.lat, "gateway", "NO-GW"));
		ResponseEntity<JsonNode> refused = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices", bad, JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("errors")).hasSize(4);
		assertThat(this.jdbc.sql("select count(*) from sensor_device where id in ('OK-1', 'OK-2')")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices", bad, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		HttpHeaders csv = new HttpHeaders();
		csv.setContentType(MediaType.parseMediaType("text/csv"));
		// a quoted cell may hold a comma (Excel writes "2号楼,东单元" so)
		String file = "\uFEFFid,type,lon,lat,building,household,installed_on,gateway\r\nCSV-1,DOOR," + this.sensors.lon
				+ "," + this.sensors.lat + ",\"2号楼,东单元\",独居老人户 7,2025-06-01,\r\n";
		ResponseEntity<JsonNode> imported = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices", new HttpEntity<>(file, csv), JsonNode.class);
		assertThat(imported.getBody().path("registered").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("select household from sensor_device where id = 'CSV-1'").query(String.class).single())
			.isEqualTo("独居老人户 7");
		assertThat(this.jdbc.sql("select building from sensor_device where id = 'CSV-1'").query(String.class).single())
			.isEqualTo("2号楼,东单元");
		ResponseEntity<JsonNode> broken = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices",
					new HttpEntity<>("id,type,lon,lat\nCSV-2,DOOR,121.39,31.28,\"never closed\n", csv), JsonNode.class);
		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

}
