package org.cityops.sensors;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Telemetry in PostgreSQL, a batch per statement: readings (array insert, duplicates
 * ignored so a redelivered message is harmless), the device states locked in id order,
 * and alarms whose uniqueness the database enforces.
 */
@Repository
class SensorStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcTemplate jdbc;

	SensorStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A device's state as locked for the batch. */
	record State(String deviceId, Instant lastSeen, Map<String, RuleEngine.Memory> memory) {
	}

	void insertReadings(List<Reading> readings) {
		int n = readings.size();
		String[] devices = new String[n];
		Timestamp[] times = new Timestamp[n];
		String[] metrics = new String[n];
		Double[] values = new Double[n];
		for (int i = 0; i < n; i++) {
			Reading r = readings.get(i);
			devices[i] = r.deviceId();
			times[i] = Timestamp.from(r.at());
			metrics[i] = r.metric();
			values[i] = r.value();
		}
		this.jdbc.execute((ConnectionCallback<Integer>) (c) -> {
			try (PreparedStatement ps = c.prepareStatement("""
					insert into sensor_reading (device_id, at, metric, value)
					select * from unnest(?::text[], ?::timestamptz[], ?::text[], ?::float8[])
					on conflict do nothing""")) {
				ps.setArray(1, c.createArrayOf("text", devices));
				ps.setArray(2, c.createArrayOf("timestamptz", times));
				ps.setArray(3, c.createArrayOf("text", metrics));
				ps.setArray(4, c.createArrayOf("float8", values));
				return ps.executeUpdate();
			}
		});
	}

	/** Creates missing states and locks all of them, in id order (no deadlocks). */
	Map<String, State> lockStates(Set<String> deviceIds) {
		String[] ids = deviceIds.stream().sorted().toArray(String[]::new);
		return this.jdbc.execute((ConnectionCallback<Map<String, State>>) (c) -> {
			Array array = c.createArrayOf("text", ids);
			try (PreparedStatement ps = c.prepareStatement("""
					insert into sensor_state (device_id, last_seen)
					select unnest(?::text[]), 'epoch' on conflict do nothing""")) {
				ps.setArray(1, array);
				ps.executeUpdate();
			}
			Map<String, State> states = new HashMap<>();
			try (PreparedStatement ps = c.prepareStatement("""
					select device_id, last_seen, rule_state from sensor_state
					 where device_id = any(?::text[]) order by device_id for update""")) {
				ps.setArray(1, array);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						states.put(rs.getString(1),
								new State(rs.getString(1), rs.getTimestamp(2).toInstant(), memory(rs.getString(3))));
					}
				}
			}
			return states;
		});
	}

	/** A device's new state after the batch. */
	record Update(String deviceId, Instant lastSeen, Map<String, Double> lastValues,
			Map<String, RuleEngine.Memory> memory) {
	}

	void updateStates(List<Update> updates) {
		int n = updates.size();
		String[] ids = new String[n];
		Timestamp[] seen = new Timestamp[n];
		String[] values = new String[n];
		String[] memory = new String[n];
		for (int i = 0; i < n; i++) {
			Update u = updates.get(i);
			ids[i] = u.deviceId();
			seen[i] = Timestamp.from(u.lastSeen());
			values[i] = json(u.lastValues());
			memory[i] = json(u.memory());
		}
		this.jdbc.execute((ConnectionCallback<Integer>) (c) -> {
			try (PreparedStatement ps = c.prepareStatement("""
					update sensor_state s
					   set last_seen = greatest(s.last_seen, u.seen), last_values = s.last_values || u.vals::jsonb,
					       rule_state = u.mem::jsonb
					  from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[]) as u(id, seen, vals, mem)
					 where s.device_id = u.id""")) {
				ps.setArray(1, c.createArrayOf("text", ids));
				ps.setArray(2, c.createArrayOf("timestamptz", seen));
				ps.setArray(3, c.createArrayOf("text", values));
				ps.setArray(4, c.createArrayOf("text", memory));
				return ps.executeUpdate();
			}
		});
	}

	void touchGateways(Map<String, Instant> lastSeen) {
		if (lastSeen.isEmpty()) {
			return;
		}
		// in id order: batches stored side by side take the gateways' row locks in one
		// order
		List<Object[]> args = new ArrayList<>();
		new java.util.TreeMap<>(lastSeen).forEach((g, at) -> args.add(new Object[] { Timestamp.from(at), g }));
		this.jdbc.batchUpdate(
				"update sensor_gateway set last_seen = greatest(coalesce(last_seen, 'epoch'), ?) where id = ?", args);
	}

	/**
	 * The alarm's id and whether this call opened it (else: a repeat on the open one).
	 */
	record Raised(long id, boolean inserted) {
	}

	Raised raise(String deviceId, Rule rule, Double value, Instant at) {
		return this.jdbc.queryForObject("""
				insert into sensor_alarm (device_id, rule_id, state, severity, raised_at, last_at, value)
				values (?, ?, 'ACTIVE', ?, ?, ?, ?)
				on conflict (device_id, rule_id) where state <> 'CLEARED'
				do update set repeats = sensor_alarm.repeats + 1,
				              last_at = greatest(sensor_alarm.last_at, excluded.last_at), value = excluded.value
				returning id, (xmax = 0) as inserted""", (rs, i) -> new Raised(rs.getLong(1), rs.getBoolean(2)),
				deviceId, rule.id(), rule.severity(), Timestamp.from(at), Timestamp.from(at), value);
	}

	/**
	 * Clears the open alarm of (device, rule); answers its id, or null if none was open.
	 */
	Long clear(String deviceId, long ruleId, String by, Instant at) {
		List<Long> ids = this.jdbc.query("""
				update sensor_alarm set state = 'CLEARED', cleared_by = ?, cleared_at = ?
				 where device_id = ? and rule_id = ? and state <> 'CLEARED' returning id""", (rs, i) -> rs.getLong(1),
				by, Timestamp.from(at), deviceId, ruleId);
		return ids.isEmpty() ? null : ids.get(0);
	}

	/**
	 * Clears the open offline alarms of devices that just reported; answers their ids.
	 */
	List<Long> clearOffline(Set<String> deviceIds, Instant at) {
		String[] ids = deviceIds.toArray(String[]::new);
		return this.jdbc.execute((ConnectionCallback<List<Long>>) (c) -> {
			try (PreparedStatement ps = c.prepareStatement("""
					update sensor_alarm a set state = 'CLEARED', cleared_by = 'sensor', cleared_at = ?
					  from sensor_rule r
					 where r.id = a.rule_id and r.kind = 'NO_DATA' and a.state <> 'CLEARED'
					   and a.device_id = any(?::text[]) returning a.id""")) {
				ps.setTimestamp(1, Timestamp.from(at));
				ps.setArray(2, c.createArrayOf("text", ids));
				List<Long> cleared = new ArrayList<>();
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						cleared.add(rs.getLong(1));
					}
				}
				return cleared;
			}
		});
	}

	private static Map<String, RuleEngine.Memory> memory(String json) {
		try {
			return JSON.readValue(json, new TypeReference<>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable rule state", ex);
		}
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
