package org.cityops.sensors;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sensor types, their rules, gateways and devices. The ingest path reads them from memory
 * (a snapshot rebuilt from the database when it changes here, and at least every
 * {@code REFRESH} so that a device registered by another instance is known soon).
 */
@Service
public class Registry {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration REFRESH = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot;

	Registry(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Everything the ingest path needs, read together. */
	record Snapshot(Map<String, SensorType> types, Map<String, List<Rule>> rules, Map<String, Device> devices,
			Instant loadedAt) {
	}

	Snapshot snapshot() {
		Snapshot s = this.snapshot;
		if (s == null || s.loadedAt().plus(REFRESH).isBefore(this.clock.instant())) {
			s = load();
			this.snapshot = s;
		}
		return s;
	}

	void invalidate() {
		this.snapshot = null;
	}

	public List<SensorType> types() {
		return List.copyOf(snapshot().types().values());
	}

	public Map<String, List<Rule>> rules() {
		return snapshot().rules();
	}

	public Optional<Device> device(String id) {
		return Optional.ofNullable(snapshot().devices().get(id));
	}

	/** Every registered device, as of the registry's latest load. */
	public java.util.Collection<Device> devices() {
		return java.util.Collections.unmodifiableCollection(snapshot().devices().values());
	}

	public int deviceCount() {
		return snapshot().devices().size();
	}

	private synchronized Snapshot load() {
		Map<String, SensorType> types = new HashMap<>();
		this.jdbc.sql("select * from sensor_type").query((rs, i) -> {
			try {
				List<SensorType.Metric> metrics = JSON.readValue(rs.getString("metrics"), new TypeReference<>() {
				});
				return new SensorType(rs.getString("code"), rs.getString("name"), metrics,
						rs.getInt("heartbeat_seconds"));
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException("Bad metrics of sensor type " + rs.getString("code"), ex);
			}
		}).list().forEach((t) -> types.put(t.code(), t));
		Map<String, List<Rule>> rules = new HashMap<>();
		this.jdbc.sql("select * from sensor_rule where active order by id")
			.query((rs, i) -> new Rule(rs.getLong("id"), rs.getString("type_code"), rs.getString("code"),
					rs.getString("name"), rs.getString("kind"), rs.getString("metric"), rs.getString("operator"),
					(Double) rs.getObject("threshold"), (Double) rs.getObject("clear_threshold"), rs.getInt("seconds"),
					rs.getString("severity"), rs.getString("case_mode"), rs.getString("category_code"),
					rs.getInt("flap_limit"), rs.getInt("flap_seconds")))
			.list()
			.forEach((r) -> rules.computeIfAbsent(r.typeCode(), (k) -> new java.util.ArrayList<>()).add(r));
		rules.replaceAll((k, v) -> List.copyOf(v));
		Map<String, Device> devices = new HashMap<>();
		this.jdbc.sql("select * from sensor_device").query((rs, i) -> {
			Date installed = rs.getDate("installed_on");
			return new Device(rs.getString("id").intern(), rs.getString("type_code").intern(), rs.getDouble("lon"),
					rs.getDouble("lat"), rs.getString("unit_code").intern(), intern(rs.getString("compound_code")),
					rs.getString("building"), rs.getString("household"),
					(installed != null) ? installed.toLocalDate() : null, intern(rs.getString("gateway_id")));
		}).list().forEach((d) -> devices.put(d.id(), d));
		return new Snapshot(Map.copyOf(types), Map.copyOf(rules), devices, this.clock.instant());
	}

	private static String intern(String value) {
		return (value != null) ? value.intern() : null;
	}

}
