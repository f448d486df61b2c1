package org.cityops.dashboard;

import java.sql.Timestamp;

import org.cityops.sensors.SensorEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alarm read model ({@code dash_alarm}): one row per alarm, when it was raised and
 * cleared and the operator's verdict; each event applied once, in any order.
 */
@Repository
class AlarmFacts {

	private final JdbcTemplate jdbc;

	AlarmFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean raised(SensorEvents.AlarmRaised e) {
		if (!Applied.once(this.jdbc, "alarm:" + e.alarmId() + ":raised")) {
			return false;
		}
		this.jdbc.update("""
				insert into dash_alarm (alarm_id, device_id, rule_code, severity, unit_code, raised_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (alarm_id) do update set device_id = excluded.device_id, rule_code = excluded.rule_code,
				       severity = excluded.severity, unit_code = excluded.unit_code, raised_at = excluded.raised_at""",
				e.alarmId(), e.deviceId(), e.ruleCode(), e.severity(), e.unitCode(), Timestamp.from(e.at()));
		return true;
	}

	boolean cleared(SensorEvents.AlarmCleared e) {
		if (!Applied.once(this.jdbc, "alarm:" + e.alarmId() + ":cleared")) {
			return false;
		}
		this.jdbc.update("""
				insert into dash_alarm (alarm_id, rule_code, cleared_at) values (?, ?, ?)
				on conflict (alarm_id) do update set cleared_at = least(dash_alarm.cleared_at, excluded.cleared_at)""",
				e.alarmId(), e.ruleCode(), Timestamp.from(e.at()));
		return true;
	}

	boolean confirmed(SensorEvents.AlarmConfirmed e) {
		if (!Applied.once(this.jdbc, "alarm:" + e.alarmId() + ":verdict")) {
			return false;
		}
		this.jdbc.update("""
				insert into dash_alarm (alarm_id, rule_code, verdict) values (?, ?, ?)
				on conflict (alarm_id) do update set verdict = excluded.verdict""", e.alarmId(), e.ruleCode(),
				e.trueAlarm());
		return true;
	}

}
