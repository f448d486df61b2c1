package org.cityops.sensors;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that fire on silence, set-based in the database so that any number of
 * instances may run it (the unique index on open alarms makes every raise happen once):
 * gateways silent for {@code cityops.sensors.gateway-offline} get one alarm; devices
 * silent past their NO_DATA rule go offline, folded under their gateway's alarm when it
 * is down (one alarm for a dropped gateway, not hundreds); INACTIVITY rules raise when no
 * activity was seen for their window (an elderly person's door not opened for 24 hours).
 */
@Component
class SensorSweeper {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Registry registry;

	private final Clock clock;

	private final Duration gatewayOffline;

	SensorSweeper(JdbcTemplate jdbc, ApplicationEventPublisher events, Registry registry, Clock clock,
			@Value("${cityops.sensors.gateway-offline:30m}") Duration gatewayOffline) {
		this.jdbc = jdbc;
		this.events = events;
		this.registry = registry;
		this.clock = clock;
		this.gatewayOffline = gatewayOffline;
	}

	/** What one pass did. */
	record Swept(int gatewaysDown, int gatewaysUp, int offline, int folded, int inactive) {
	}

	@Scheduled(fixedDelayString = "${cityops.sensors.sweep-interval:60s}",
			initialDelayString = "${cityops.sensors.sweep-interval:60s}")
	@Transactional
	public Swept sweep() {
		Instant now = this.clock.instant();
		Timestamp t = Timestamp.from(now);
		Timestamp gatewaySilentSince = Timestamp.from(now.minus(this.gatewayOffline));
		int down = this.jdbc.update("""
				insert into sensor_gateway_alarm (gateway_id, raised_at)
				select g.id, ? from sensor_gateway g
				 where coalesce(g.last_seen, g.created_at) < ?
				   and exists (select 1 from sensor_device d where d.gateway_id = g.id)
				on conflict (gateway_id) where cleared_at is null do nothing""", t, gatewaySilentSince);
		int up = this.jdbc.update("""
				update sensor_gateway_alarm ga set cleared_at = ?
				  from sensor_gateway g
				 where g.id = ga.gateway_id and ga.cleared_at is null and g.last_seen >= ?""", t, gatewaySilentSince);
		List<Map<String, Object>> offline = this.jdbc.queryForList(
				"""
						insert into sensor_alarm (device_id, rule_id, state, severity, raised_at, last_at, parent_id)
						select d.id, r.id, 'ACTIVE', r.severity, ?, ?,
						       (select ga.id from sensor_gateway_alarm ga where ga.gateway_id = d.gateway_id
						           and ga.cleared_at is null)
						  from sensor_device d
						  join sensor_rule r on r.type_code = d.type_code and r.kind = 'NO_DATA' and r.active
						  left join sensor_state s on s.device_id = d.id
						 where coalesce(nullif(s.last_seen, 'epoch'), d.created_at) < cast(? as timestamptz) - make_interval(secs => r.seconds)
						on conflict (device_id, rule_id) where state <> 'CLEARED' do nothing
						returning id, device_id, parent_id""",
				t, t, t);
		int folded = this.jdbc.update("""
				update sensor_alarm a set parent_id = ga.id
				  from sensor_device d, sensor_gateway_alarm ga, sensor_rule r
				 where d.id = a.device_id and ga.gateway_id = d.gateway_id and ga.cleared_at is null
				   and r.id = a.rule_id and r.kind = 'NO_DATA' and a.state <> 'CLEARED' and a.parent_id is null""");
		List<Map<String, Object>> inactive = this.jdbc.queryForList("""
				insert into sensor_alarm (device_id, rule_id, state, severity, raised_at, last_at)
				select d.id, r.id, 'ACTIVE', r.severity, ?, ?
				  from sensor_device d
				  join sensor_rule r on r.type_code = d.type_code and r.kind = 'INACTIVITY' and r.active
				  left join sensor_state s on s.device_id = d.id
				 where coalesce(to_timestamp((s.rule_state -> r.code ->> 'active')::bigint / 1000.0), d.created_at)
				       < cast(? as timestamptz) - make_interval(secs => r.seconds)
				on conflict (device_id, rule_id) where state <> 'CLEARED' do nothing
				returning id, device_id, rule_id""", t, t, t);
		for (Map<String, Object> a : offline) {
			if (a.get("parent_id") == null) {
				this.events.publishEvent(new SensorEvents.AlarmRaised(((Number) a.get("id")).longValue(),
						(String) a.get("device_id"), "OFFLINE", "WARNING", null, null, now));
			}
		}
		for (Map<String, Object> a : inactive) {
			raised(((Number) a.get("id")).longValue(), (String) a.get("device_id"),
					((Number) a.get("rule_id")).longValue(), now);
		}
		return new Swept(down, up, offline.size(), folded, inactive.size());
	}

	private void raised(long alarmId, String deviceId, long ruleId, Instant now) {
		Device device = this.registry.device(deviceId).orElse(null);
		if (device == null) {
			return;
		}
		Rule rule = this.registry.rules()
			.getOrDefault(device.typeCode(), List.of())
			.stream()
			.filter((r) -> r.id() == ruleId)
			.findFirst()
			.orElse(null);
		if (rule == null) {
			return;
		}
		this.events.publishEvent(new SensorEvents.AlarmRaised(alarmId, deviceId, rule.code(), rule.severity(), null,
				device.unitCode(), now));
		if ("AUTO".equals(rule.caseMode())) {
			this.events.publishEvent(Alarms.needsCase(alarmId, device, rule, null, now));
		}
	}

}
