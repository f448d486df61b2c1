package org.cityops.sensors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.cityops.sensors.Alarms;
import org.cityops.sensors.DeadLetters;
import org.cityops.sensors.DeviceRegistration;
import org.cityops.sensors.Registry;
import org.cityops.sensors.SensorQueries;
import org.cityops.sensors.Telemetry;
import org.cityops.shared.BoundedBody;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.cityops.cases.Actor;
import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sensors over HTTP: batches of readings from machine clients (API key with scope
 * {@code sensors}), alarms for the operations centre, and the dead letters.
 */
@RestController
@RequestMapping("/api/v1/sensors")
@Tag(name = "sensors", description = "智联普陀 sensors: readings, alarms, dead letters")
class SensorApiController {

	static final int MAX_BATCH = 5000;

	static final long MAX_BODY = 8L * 1024 * 1024;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Telemetry telemetry;

	private final Alarms alarms;

	private final DeadLetters deadLetters;

	private final DeviceRegistration registration;

	private final Registry registry;

	private final SensorQueries queries;

	SensorApiController(Telemetry telemetry, Alarms alarms, DeadLetters deadLetters, DeviceRegistration registration,
			Registry registry, SensorQueries queries) {
		this.queries = queries;
		this.telemetry = telemetry;
		this.alarms = alarms;
		this.deadLetters = deadLetters;
		this.registration = registration;
		this.registry = registry;
	}

	@PostMapping(value = "/readings", consumes = "application/json")
	@PreAuthorize(Access.SENSOR_KEY)
	@Operation(summary = "A batch of readings: {\"readings\": [{\"deviceId\", \"ts\", \"values\": {metric: number}}]}; "
			+ "all or nothing: any invalid item answers 422 listing every invalid one; any item for a device the key "
			+ "does not post for (by device or gateway id) answers 403 listing them; nothing is then stored")
	Telemetry.Result readings(HttpServletRequest request, Authentication authentication) throws java.io.IOException {
		byte[] body = BoundedBody.read(request, MAX_BODY);
		if (body == null) {
			throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "A batch is at most 8 MB; send smaller batches");
		}
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "The body is not JSON; send {\"readings\": [...]}");
		}
		JsonNode readings = (root != null) ? root.get("readings") : null;
		if (readings == null || !readings.isArray()) {
			throw problem(HttpStatus.BAD_REQUEST, "Send {\"readings\": [{\"deviceId\", \"ts\", \"values\"}, ...]}");
		}
		if (readings.size() > MAX_BATCH) {
			throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "At most " + MAX_BATCH + " readings per batch");
		}
		List<Telemetry.Incoming> messages = new ArrayList<>(readings.size());
		for (JsonNode r : readings) {
			messages.add(new Telemetry.Incoming(null, JSON.writeValueAsBytes(r)));
		}
		java.util.Set<String> senderFor = new java.util.HashSet<>();
		authentication.getAuthorities().forEach((a) -> {
			if (a.getAuthority().startsWith(Access.SENSORS_FOR)) {
				senderFor.add(a.getAuthority().substring(Access.SENSORS_FOR.length()));
			}
		});
		return this.telemetry.ingestAll(messages, "HTTP", senderFor);
	}

	@PostMapping("/devices")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: register devices (JSON list), all or nothing; a known id is updated")
	Map<String, Object> register(
			@org.springframework.web.bind.annotation.RequestBody List<DeviceRegistration.NewDevice> devices,
			Authentication authentication) {
		return Map.of("registered", this.registration.register(devices));
	}

	@PostMapping(value = "/devices", consumes = "text/csv")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: register devices from CSV: id,type,lon,lat,building,household,installed_on,gateway")
	Map<String, Object> importDevices(HttpServletRequest request, Authentication authentication) {
		byte[] body = BoundedBody.read(request, 64L * 1024 * 1024);
		if (body == null) {
			throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "A device file is at most 64 MB");
		}
		return Map.of("registered", this.registration.importCsv(body));
	}

	@PostMapping("/gateways")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: register a gateway {id, name}")
	Map<String, Object> gateway(@org.springframework.web.bind.annotation.RequestBody Map<String, String> body,
			Authentication authentication) {
		this.registration.gateway(body.get("id"), body.get("name"));
		return Map.of("id", body.get("id"));
	}

	@GetMapping(path = "/mosquitto/passwd", produces = "text/plain")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: the registry's MQTT accounts as a Mosquitto 2.0 password file (hashes only): the "
			+ "platform's, when its password is configured, and every device and gateway with a secret; header "
			+ "X-Left-Out counts secrets issued before they were kept in Mosquitto's format (issue them again)")
	org.springframework.http.ResponseEntity<String> mosquittoPasswords() {
		DeviceRegistration.MosquittoExport file = this.registration.mosquittoPasswords();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(
					new org.springframework.http.MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.header("X-Accounts", String.valueOf(file.accounts()))
			.header("X-Left-Out", String.valueOf(file.leftOut()))
			.body(file.text());
	}

	@GetMapping(path = "/mosquitto/acl", produces = "text/plain")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: the Mosquitto ACL for the registry: each device writes its own topic, each gateway "
			+ "the topics of its devices, the platform reads them all")
	org.springframework.http.ResponseEntity<String> mosquittoAcl() {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(
					new org.springframework.http.MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body(this.registration.mosquittoAcl());
	}

	@PostMapping("/devices/{id}/credentials")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: a new MQTT password for the device (user name: its id); shown once, the old one stops")
	Map<String, Object> deviceCredentials(@PathVariable String id) {
		return Map.of("username", id, "password", this.registration.credentialsForDevice(id), "topic",
				"cityops/sensors/" + id + "/telemetry");
	}

	@PostMapping("/gateways/{id}/credentials")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "ADMIN: a new MQTT password for the gateway, which publishes for its devices; shown once")
	Map<String, Object> gatewayCredentials(@PathVariable String id) {
		return Map.of("username", id, "password", this.registration.credentialsForGateway(id));
	}

	@GetMapping("/devices/{id}")
	@Operation(summary = "One device: registry, last seen and values, reading count, the last day's readings")
	@PreAuthorize(Access.STAFF)
	Map<String, Object> device(@PathVariable String id, Actor reader) {
		return this.queries.device(id, reader.reach());
	}

	@GetMapping("/map")
	@Operation(summary = "Every device for the live map: [id, type, lon, lat, status, lastSeen]; "
			+ "status ALARM, OFFLINE, ONLINE or SILENT")
	@PreAuthorize(Access.STAFF)
	List<Object[]> map(Actor reader) {
		return this.queries.map(reader.reach());
	}

	@GetMapping("/types")
	@Operation(summary = "Sensor types with their metrics and ranges, and each type's alarm rules")
	Map<String, Object> types() {
		return Map.of("types", this.registry.types(), "rules", this.registry.rules());
	}

	@GetMapping("/alarms")
	@PreAuthorize(Access.STAFF)
	@Operation(summary = "Alarms, newest first: state OPEN (not cleared), ACTIVE, ACKNOWLEDGED or CLEARED")
	List<Map<String, Object>> alarms(@RequestParam(required = false) String state,
			@RequestParam(required = false) String device, @RequestParam(defaultValue = "200") int limit,
			Actor reader) {
		return this.alarms.list(state, device, Math.min(Math.max(limit, 1), 1000), reader.reach());
	}

	@PostMapping("/alarms/{id}/acknowledge")
	@PreAuthorize(Access.CENTRE)
	Map<String, Object> acknowledge(@PathVariable long id, Authentication authentication) {
		this.alarms.acknowledge(id, authentication.getName());
		return Map.of("id", id, "state", "ACKNOWLEDGED");
	}

	@PostMapping("/alarms/{id}/confirm")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "The operator's verdict: ?true=true (a case follows where the rule asks) or false (cleared)")
	Map<String, Object> confirm(@PathVariable long id, @RequestParam("true") boolean trueAlarm,
			Authentication authentication) {
		this.alarms.confirm(id, trueAlarm, authentication.getName());
		return Map.of("id", id, "verdict", trueAlarm ? "TRUE" : "FALSE");
	}

	@PostMapping("/alarms/{id}/clear")
	@PreAuthorize(Access.CENTRE)
	Map<String, Object> clear(@PathVariable long id, Authentication authentication) {
		this.alarms.clear(id, authentication.getName());
		return Map.of("id", id, "state", "CLEARED");
	}

	@GetMapping("/dead-letters")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Refused messages: counts by reason over the last 24 hours and the newest letters")
	Map<String, Object> deadLetters(@RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "100") int limit) {
		return Map.of("counts", this.deadLetters.counts(Instant.now().minus(Duration.ofDays(1))), "latest",
				this.deadLetters.latest(reason, Math.min(Math.max(limit, 1), 1000)));
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail conflict(IllegalStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
