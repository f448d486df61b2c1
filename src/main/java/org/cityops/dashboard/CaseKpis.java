package org.cityops.dashboard;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case KPIs from the read model, for any period and filter; the formulas are in
 * {@code docs/kpis.md}.
 */
@Service
public class CaseKpis {

	static final String COUNTS = """
			count(*) as reported,
			count(*) filter (where registered_at is not null) as registered,
			count(*) filter (where registered_at is not null and not 'REGISTER' = any(overdue_stages)) as registered_on_time,
			count(*) filter (where rejected_at is not null) as rejected,
			count(*) filter (where simple_procedure) as simple,
			count(*) filter (where dispatched_at is not null) as dispatched,
			count(*) filter (where dispatched_at is not null and not 'DISPATCH' = any(overdue_stages)) as dispatched_on_time,
			count(*) filter (where handled_at is not null and not simple_procedure) as handled,
			count(*) filter (where handled_at is not null and not simple_procedure
			                   and not 'HANDLE' = any(overdue_stages)) as handled_on_time,
			count(*) filter (where verified_at is not null) as verified,
			count(*) filter (where verified_at is not null and not 'VERIFY' = any(overdue_stages)) as verified_on_time,
			count(*) filter (where closed_at is not null) as closed,
			count(*) filter (where closed_at is not null and closed_on_time) as closed_on_time,
			count(*) filter (where reworks > 0) as reworked,
			count(*) filter (where returns > 0) as returned,
			count(*) filter (where resolved_level = 'COMMITTEE') as closed_committee,
			count(*) filter (where resolved_level = 'GRID') as closed_grid,
			count(*) filter (where resolved_level = 'TOWN') as closed_town,
			count(*) filter (where resolved_level = 'DISTRICT') as closed_district,
			count(*) filter (where closed_at is null and rejected_at is null and cancelled_at is null
			                   and merged_at is null) as open,
			count(*) filter (where closed_at is null and rejected_at is null and cancelled_at is null
			                   and merged_at is null and cardinality(overdue_stages) > 0) as open_overdue,
			count(*) filter (where closed_at is null and rejected_at is null and cancelled_at is null
			                   and merged_at is null and supervised) as open_supervised""";

	static final List<String> DIMENSIONS = List.of("department_code", "area_code", "block_code", "unit_code",
			"category_code", "channel", "reporter", "verified_by");

	private final JdbcClient jdbc;

	CaseKpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts of the cases the filter selects. */
	public CaseCounts counts(KpiFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		return this.jdbc.sql("select " + COUNTS + " from dash_case where " + where)
			.params(params)
			.query(CaseCounts::read)
			.single();
	}

	/**
	 * The counts per value of one dimension (department_code, area_code, category_code
	 * …).
	 */
	public Map<String, CaseCounts> countsBy(String dimension, KpiFilter filter) {
		if (!DIMENSIONS.contains(dimension)) {
			throw DashboardProblem.invalid("Group by one of " + DIMENSIONS);
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params) + " and " + dimension + " is not null";
		Map<String, CaseCounts> out = new LinkedHashMap<>();
		this.jdbc
			.sql("select " + dimension + " as key, " + COUNTS + " from dash_case where " + where + " group by "
					+ dimension + " order by count(*) desc, " + dimension)
			.params(params)
			.query((rs, i) -> out.put(rs.getString("key"), CaseCounts.read(rs, i)))
			.list();
		return out;
	}

	static String where(KpiFilter f, Map<String, Object> params) {
		List<String> terms = new ArrayList<>();
		terms.add("reported_at >= :from and reported_at < :to");
		params.put("from", Timestamp.from(f.from()));
		params.put("to", Timestamp.from(f.to()));
		term(terms, params, "area_code", f.area());
		term(terms, params, "block_code", f.block());
		term(terms, params, "unit_code", f.unit());
		term(terms, params, "department_code", f.department());
		term(terms, params, "category_code", f.category());
		term(terms, params, "channel", f.channel());
		return String.join(" and ", terms);
	}

	private static void term(List<String> terms, Map<String, Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			terms.add(column + " = :" + column);
			params.put(column, value.strip());
		}
	}

}
