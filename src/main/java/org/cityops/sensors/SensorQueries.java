package org.cityops.sensors;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cityops.shared.Reach;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the live map and the device page read: every device with its status and last
 * values, and one device with its state, open alarms and recent readings.
 */
@Service
@Transactional(readOnly = true)
public class SensorQueries {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SensorQueries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Every device as {@code [id, type, lon, lat, status, lastSeen]}: status ALARM (an
	 * open alarm other than offline), OFFLINE, ONLINE or SILENT (never heard).
	 */
	public List<Object[]> map(Reach reach) {
		Reach.Sql scope = reach.where("d.unit_code", null);
		return this.jdbc.query("""
				select d.id, d.type_code, d.lon, d.lat,
				       case when exists (select 1 from sensor_alarm a join sensor_rule r on r.id = a.rule_id
				                          where a.device_id = d.id and a.state <> 'CLEARED' and r.kind <> 'NO_DATA')
				            then 'ALARM'
				            when exists (select 1 from sensor_alarm a join sensor_rule r on r.id = a.rule_id
				                          where a.device_id = d.id and a.state <> 'CLEARED' and r.kind = 'NO_DATA')
				            then 'OFFLINE'
				            when s.last_seen is null or s.last_seen = 'epoch' then 'SILENT'
				            else 'ONLINE' end as status,
				       nullif(s.last_seen, 'epoch') as last_seen
				  from sensor_device d left join sensor_state s on s.device_id = d.id
				 where\s""" + scope.condition() + " order by d.id",
				(rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
						rs.getString(5),
						(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant().toString() : null },
				scope.params().toArray());
	}

	/**
	 * How many devices are in each status of {@link #map()} (ALARM, OFFLINE, ONLINE,
	 * SILENT).
	 */
	public Map<String, Long> statusCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.query(
				"""
						select case when a.alarm then 'ALARM' when a.offline then 'OFFLINE'
						            when s.last_seen is null or s.last_seen = 'epoch' then 'SILENT' else 'ONLINE' end, count(*)
						  from sensor_device d left join sensor_state s on s.device_id = d.id
						  left join (select a.device_id, bool_or(r.kind <> 'NO_DATA') as alarm, bool_or(r.kind = 'NO_DATA') as offline
						               from sensor_alarm a join sensor_rule r on r.id = a.rule_id
						              where a.state <> 'CLEARED' group by a.device_id) a on a.device_id = d.id
						 group by 1""",
				(rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	/**
	 * One device: registry, state, open alarms, reading count and the last day's
	 * readings.
	 */
	public Map<String, Object> device(String id, Reach reach) {
		Reach.Sql scope = reach.where("d.unit_code", null);
		List<Object> params = new java.util.ArrayList<>(List.of(id));
		params.addAll(scope.params());
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"""
						select d.*, t.name as type_name, nullif(s.last_seen, 'epoch') as last_seen, s.last_values::text as last_values
						  from sensor_device d join sensor_type t on t.code = d.type_code
						  left join sensor_state s on s.device_id = d.id where d.id = ? and\s"""
						+ scope.condition(),
				params.toArray());
		if (rows.isEmpty()) {
			throw new Alarms.AlarmNotFound("No device " + id);
		}
		Map<String, Object> out = new LinkedHashMap<>(rows.get(0));
		Instant since = this.clock.instant().minus(Duration.ofDays(1));
		out.put("readingCount",
				this.jdbc.queryForObject("select count(*) from sensor_reading where device_id = ?", Long.class, id));
		out.put("readings", this.jdbc.queryForList("""
				select metric, at, value from sensor_reading where device_id = ? and at >= ?
				 order by at desc limit 5000""", id, Timestamp.from(since)));
		return out;
	}

}
