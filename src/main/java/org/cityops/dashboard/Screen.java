package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cityops.catalog.Catalog;
import org.cityops.hotline.HotlineKpis;
import org.cityops.sensors.SensorQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the big screen shows, read together: today's and this month's case figures, open
 * cases per unit, the last 30 days, the month's top categories, overdue and supervised
 * cases, alarms, the sensor network and the hotline.
 */
@Service
class Screen {

	private final JdbcClient jdbc;

	private final CaseKpis kpis;

	private final Catalog catalog;

	private final SensorQueries sensors;

	private final HotlineKpis hotline;

	private final Clock clock;

	private final ZoneId zone;

	Screen(JdbcClient jdbc, CaseKpis kpis, Catalog catalog, SensorQueries sensors, HotlineKpis hotline, Clock clock,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.kpis = kpis;
		this.catalog = catalog;
		this.sensors = sensors;
		this.hotline = hotline;
		this.clock = clock;
		this.zone = zone;
	}

	public Map<String, Object> data() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		Instant dayStart = today.atStartOfDay(this.zone).toInstant();
		Instant monthStart = today.withDayOfMonth(1).atStartOfDay(this.zone).toInstant();
		Instant tomorrow = today.plusDays(1).atStartOfDay(this.zone).toInstant();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("at", now.toString());
		CaseCounts month = this.kpis.counts(KpiFilter.period(monthStart, tomorrow));
		out.put("today", this.kpis.counts(KpiFilter.period(dayStart, tomorrow)));
		out.put("month", month);
		out.put("monthRates", month.rates());
		out.put("openByUnit", openByUnit());
		out.put("trend", trend(today.minusDays(29), tomorrow));
		out.put("topCategories", topCategories(monthStart, tomorrow));
		out.put("overdue", cases("cardinality(overdue_stages) > 0", "last_overdue_at desc"));
		out.put("supervised", cases("supervised", "reported_at desc"));
		out.put("recent", recent(20));
		out.put("alarms", alarms(dayStart, monthStart));
		out.put("sensors", this.sensors.statusCounts());
		out.put("hotline", percent(this.hotline.report(monthStart, tomorrow).town().rates()));
		return out;
	}

	/** The hotline module's rates are fractions; the screen shows percentages. */
	private static Map<String, Double> percent(Map<String, Double> fractions) {
		Map<String, Double> out = new LinkedHashMap<>();
		fractions.forEach((k, v) -> out.put(k, (v != null) ? Math.round(v * 1000) / 10.0 : null));
		return out;
	}

	static final String OPEN = "closed_at is null and rejected_at is null and cancelled_at is null and merged_at is null";

	private Map<String, Long> openByUnit() {
		Map<String, Long> out = new LinkedHashMap<>();
		this.jdbc.sql("select unit_code, count(*) as n from dash_case where " + OPEN + " group by unit_code")
			.query((rs) -> {
				out.put(rs.getString(1), rs.getLong(2));
			});
		return out;
	}

	private List<Map<String, Object>> trend(LocalDate first, Instant end) {
		return this.jdbc
			.sql("""
					with d as (select generate_series(cast(:first as date), cast(:last as date), interval '1 day')::date as day)
					select to_char(d.day, 'MM-DD') as day,
					       (select count(*) from dash_case c where c.reported_at >= (d.day::timestamp at time zone :zone)
					           and c.reported_at < ((d.day + 1)::timestamp at time zone :zone)) as reported,
					       (select count(*) from dash_case c where c.closed_at >= (d.day::timestamp at time zone :zone)
					           and c.closed_at < ((d.day + 1)::timestamp at time zone :zone)) as closed
					  from d order by d.day""")
			.param("first", first.toString())
			.param("last", LocalDate.ofInstant(end.minusSeconds(1), this.zone).toString())
			.param("zone", this.zone.getId())
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> topCategories(Instant from, Instant to) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select category_code as code, count(*) as n from dash_case
				 where reported_at >= :from and reported_at < :to and category_code is not null
				 group by category_code order by n desc, category_code limit 10""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query()
			.listOfRows();
		rows.forEach((r) -> r.put("name", this.catalog.name((String) r.get("code"))));
		return rows;
	}

	private List<Map<String, Object>> cases(String condition, String order) {
		return this.jdbc
			.sql("select case_id as id, number, category_code, unit_code, department_code, reported_at"
					+ " from dash_case where " + OPEN + " and " + condition + " order by " + order + " limit 10")
			.query()
			.listOfRows();
	}

	/** The newest cases, newest first; for the feed. */
	List<Map<String, Object>> recent(int limit) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select case_id as id, number, channel, category_code, unit_code, reported_at from dash_case
				 where reported_at is not null order by reported_at desc, case_id desc limit :n""")
			.param("n", limit)
			.query()
			.listOfRows();
		rows.forEach((r) -> r.put("category", this.catalog.name((String) r.get("category_code"))));
		return rows;
	}

	private Map<String, Object> alarms(Instant dayStart, Instant monthStart) {
		return this.jdbc.sql("""
				select count(*) filter (where raised_at is not null and cleared_at is null) as open,
				       count(*) filter (where raised_at >= :day) as today,
				       count(*) filter (where raised_at >= :month) as month,
				       count(*) filter (where raised_at >= :month and verdict) as month_true,
				       count(*) filter (where raised_at >= :month and not verdict) as month_false
				  from dash_alarm""")
			.param("day", Timestamp.from(dayStart))
			.param("month", Timestamp.from(monthStart))
			.query()
			.singleRow();
	}

}
