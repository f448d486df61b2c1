package org.cityops.sensors;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cityops.cases.CaseEvent;

import org.cityops.shared.Reach;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the operations centre does with alarms: acknowledge, confirm as a true alarm (a
 * case follows where the rule asks for one) or mark as false (cleared), clear. The case
 * an alarm became is recorded when the cases module reports it. Closing that case does
 * not clear the alarm: only the readings or an operator do.
 */
@Service
class Alarms {

	private final JdbcTemplate jdbc;

	private final Registry registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Alarms(JdbcTemplate jdbc, Registry registry, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	static SensorEvents.AlarmNeedsCase needsCase(long alarmId, Device device, Rule rule, Double value, Instant at) {
		String where = String.join(" ",
				java.util.stream.Stream.of(device.compoundCode(), device.building(), device.household())
					.filter(java.util.Objects::nonNull)
					.toList());
		String description = "【物联感知】" + rule.name() + "：设备 " + device.id() + (where.isEmpty() ? "" : "，" + where)
				+ ((value != null) ? "，读数 " + value : "");
		return new SensorEvents.AlarmNeedsCase(alarmId, rule.categoryCode(), description, device.lon(), device.lat(),
				"alarm:" + alarmId, at);
	}

	/** An alarm with its device and rule, for the list and the API. */
	/** Alarms of the devices within the reader's reach, newest first. */
	public List<Map<String, Object>> list(String state, String deviceId, int limit, Reach reach) {
		Reach.Sql scope = reach.where("d.unit_code", null);
		List<Object> params = new java.util.ArrayList<>(
				java.util.Arrays.asList(state, state, state, deviceId, deviceId));
		params.addAll(scope.params());
		params.add(limit);
		return this.jdbc.queryForList("""
				select a.id, a.device_id, d.type_code, r.code as rule, r.name as rule_name, a.state, a.severity,
				       a.raised_at, a.last_at, a.repeats, a.value, a.acknowledged_by, a.verdict, a.case_id,
				       a.parent_id, d.unit_code, d.lon, d.lat, r.case_mode
				  from sensor_alarm a join sensor_device d on d.id = a.device_id join sensor_rule r on r.id = a.rule_id
				 where (?::text is null or (?::text = 'OPEN' and a.state <> 'CLEARED') or a.state = ?)
				   and (?::text is null or a.device_id = ?) and\s""" + scope.condition() + "\n" + """
				order by a.raised_at desc, a.id desc limit ?""", params.toArray());
	}

	@Transactional
	public void acknowledge(long id, String by) {
		int changed = this.jdbc.update("""
				update sensor_alarm set state = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?
				 where id = ? and state = 'ACTIVE'""", by, Timestamp.from(this.clock.instant()), id);
		if (changed == 0) {
			throw conflict(id, "acknowledged");
		}
	}

	/**
	 * The operator's verdict. A true alarm of a rule that asks for a confirmed case
	 * becomes one; a false alarm is cleared.
	 */
	@Transactional
	public void confirm(long id, boolean trueAlarm, String by) {
		Instant now = this.clock.instant();
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select a.device_id, a.rule_id, a.value, a.verdict, a.case_id from sensor_alarm a
				 where a.id = ? and a.state <> 'CLEARED' for update""", id);
		if (rows.isEmpty()) {
			throw conflict(id, "confirmed");
		}
		Map<String, Object> alarm = rows.get(0);
		if (alarm.get("verdict") != null) {
			throw new IllegalStateException("Alarm " + id + " already has a verdict (" + alarm.get("verdict") + ")");
		}
		this.jdbc.update("""
				update sensor_alarm set verdict = ?, verdict_by = ?,
				       state = case when ? then state else 'CLEARED' end,
				       cleared_by = case when ? then cleared_by else ? end,
				       cleared_at = case when ? then cleared_at else ? end
				 where id = ?""", trueAlarm ? "TRUE" : "FALSE", by, trueAlarm, trueAlarm, by, trueAlarm,
				Timestamp.from(now), id);
		Device device = this.registry.device((String) alarm.get("device_id")).orElseThrow();
		Rule rule = this.registry.rules()
			.getOrDefault(device.typeCode(), List.of())
			.stream()
			.filter((r) -> r.id() == ((Number) alarm.get("rule_id")).longValue())
			.findFirst()
			.orElseThrow();
		this.events.publishEvent(new SensorEvents.AlarmConfirmed(id, device.id(), rule.code(), trueAlarm, by, now));
		if (trueAlarm && "CONFIRM".equals(rule.caseMode()) && alarm.get("case_id") == null) {
			this.events.publishEvent(needsCase(id, device, rule, (Double) alarm.get("value"), now));
		}
		if (!trueAlarm) {
			this.events.publishEvent(new SensorEvents.AlarmCleared(id, device.id(), rule.code(), by, now));
		}
	}

	@Transactional
	public void clear(long id, String by) {
		Instant now = this.clock.instant();
		List<Map<String, Object>> cleared = this.jdbc.queryForList("""
				update sensor_alarm a set state = 'CLEARED', cleared_by = ?, cleared_at = ?
				  from sensor_rule r
				 where a.id = ? and a.state <> 'CLEARED' and r.id = a.rule_id
				returning a.device_id, r.code""", by, Timestamp.from(now), id);
		if (cleared.isEmpty()) {
			throw conflict(id, "cleared");
		}
		this.events.publishEvent(new SensorEvents.AlarmCleared(id, (String) cleared.get(0).get("device_id"),
				(String) cleared.get(0).get("code"), by, now));
	}

	/** The case an alarm asked for has been reported: remember it on the alarm. */
	@ApplicationModuleListener
	void on(CaseEvent.Reported event) {
		if (event.sourceRef() != null && event.sourceRef().startsWith("alarm:")) {
			this.jdbc.update("update sensor_alarm set case_id = ? where id = ?", event.caseId(),
					Long.parseLong(event.sourceRef().substring(6)));
		}
	}

	private RuntimeException conflict(long id, String what) {
		Integer exists = this.jdbc.queryForObject("select count(*) from sensor_alarm where id = ?", Integer.class, id);
		if (exists == null || exists == 0) {
			return new AlarmNotFound(id);
		}
		return new IllegalStateException("Alarm " + id + " cannot be " + what + " in its present state");
	}

	/** No alarm with that id. */
	public static class AlarmNotFound extends org.cityops.shared.Problem {

		AlarmNotFound(long id) {
			super(Kind.NOT_FOUND, "No alarm with id " + id);
		}

		AlarmNotFound(String message) {
			super(Kind.NOT_FOUND, message);
		}

	}

}
