package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cityops.shared.Reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Alarm figures of a period from the alarm read model: raised, cleared, the operator's
 * verdicts and the share of true alarms among them ({@code docs/kpis.md}).
 */
@Service
class AlarmKpis {

	private final JdbcClient jdbc;

	AlarmKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of the alarms raised in the period within the reach of a reader. */
	public Map<String, Object> of(Instant from, Instant to, Reach reach) {
		Reach.Named within = reach.named("unit_code", null);
		Map<String, Object> row = this.jdbc.sql("""
				select count(*) as raised,
				       count(*) filter (where cleared_at is not null) as cleared,
				       count(*) filter (where verdict) as true_alarms,
				       count(*) filter (where not verdict) as false_alarms,
				       count(*) filter (where severity = 'CRITICAL') as critical
				  from dash_alarm where raised_at >= :from and raised_at < :to and\s""" + within.condition())
			.params(within.params())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query()
			.singleRow();
		Map<String, Object> out = new LinkedHashMap<>(row);
		long t = ((Number) row.get("true_alarms")).longValue();
		long f = ((Number) row.get("false_alarms")).longValue();
		out.put("trueAlarmShare", CaseCounts.rate(t, t + f));
		return out;
	}

}
