package org.cityops.dashboard;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cityops.shared.Reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

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

	private final KpiCube cube;

	CaseKpis(JdbcClient jdbc, KpiCube cube) {
		this.jdbc = jdbc;
		this.cube = cube;
	}

	/**
	 * The counts of the cases the filter selects: from the cube when the filter names at
	 * most one dimension, else from dash_case alone.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public CaseCounts counts(KpiFilter filter) {
		String[] only = single(filter);
		if (only == null) {
			return rawCounts(filter);
		}
		KpiCube.Plan plan = this.cube.plan(filter.from(), filter.to());
		CaseCounts sum = this.cube.sums(only[0], only[1], plan).getOrDefault(only[1], CaseCounts.NONE);
		if (!plan.raw().isEmpty()) {
			Map<String, Object> params = new HashMap<>();
			String where = dimensions(filter, params) + " and " + KpiCube.rawCondition(plan, params);
			sum = sum.plus(this.jdbc.sql("select " + COUNTS + " from dash_case where " + where)
				.params(params)
				.query(CaseCounts::read)
				.single());
		}
		return sum;
	}

	/**
	 * The counts per value of one dimension (department_code, area_code, category_code
	 * …), most cases first: from the cube when the filter names no dimension and the cube
	 * counts by this one, else from dash_case alone.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Map<String, CaseCounts> countsBy(String dimension, KpiFilter filter) {
		if (!DIMENSIONS.contains(dimension)) {
			throw DashboardProblem.invalid("Group by one of " + DIMENSIONS);
		}
		String[] only = single(filter);
		if (only == null || !KpiCube.TOWN.equals(only[0]) || !KpiCube.DIMENSIONS.contains(dimension)) {
			return rawCountsBy(dimension, filter);
		}
		KpiCube.Plan plan = this.cube.plan(filter.from(), filter.to());
		Map<String, CaseCounts> sums = this.cube.sums(dimension, null, plan);
		if (!plan.raw().isEmpty()) {
			Map<String, Object> params = new HashMap<>();
			String where = KpiCube.rawCondition(plan, params) + " and " + dimension + " is not null";
			this.jdbc
				.sql("select " + dimension + " as key, " + COUNTS + " from dash_case where " + where + " group by "
						+ dimension)
				.params(params)
				.query((rs, i) -> sums.merge(rs.getString("key"), CaseCounts.read(rs, i), CaseCounts::plus))
				.list();
		}
		Map<String, CaseCounts> out = new LinkedHashMap<>();
		sums.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, CaseCounts> e) -> -e.getValue().reported())
				.thenComparing(Map.Entry::getKey))
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	/**
	 * How many cases each person reported or verified, each case once (a case an
	 * inspector reported and then verified is one case of theirs, not two).
	 */
	public Map<String, Long> casesReportedOrVerified(KpiFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		Map<String, Long> out = new LinkedHashMap<>();
		this.jdbc
			.sql("select who, count(distinct case_id) from (select reporter as who, case_id from dash_case where "
					+ where + " union all select verified_by, case_id from dash_case where " + where
					+ ") as work where who is not null group by who")
			.params(params)
			.query((rs, i) -> out.put(rs.getString(1), rs.getLong(2)))
			.list();
		return out;
	}

	/** The counts straight from dash_case: what the cube must agree with. */
	CaseCounts rawCounts(KpiFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		return this.jdbc.sql("select " + COUNTS + " from dash_case where " + where)
			.params(params)
			.query(CaseCounts::read)
			.single();
	}

	/** The counts per value straight from dash_case, most cases first. */
	Map<String, CaseCounts> rawCountsBy(String dimension, KpiFilter filter) {
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

	/**
	 * The dimension and key when the filter names no dimension ({@code town}) or just
	 * one, else null.
	 */
	private static String[] single(KpiFilter f) {
		Map<String, String> given = f.dimensions();
		if (given.size() > 1 || !f.townWide()) {
			return null;
		}
		return given.entrySet()
			.stream()
			.map((e) -> new String[] { e.getKey(), e.getValue() })
			.findFirst()
			.orElse(new String[] { KpiCube.TOWN, "" });
	}

	static String where(KpiFilter f, Map<String, Object> params) {
		params.put("from", Timestamp.from(f.from()));
		params.put("to", Timestamp.from(f.to()));
		return "reported_at >= :from and reported_at < :to and " + dimensions(f, params);
	}

	/**
	 * The filter's dimension terms and its reach ({@code true} when it names none and
	 * reaches the town).
	 */
	static String dimensions(KpiFilter f, Map<String, Object> params) {
		List<String> terms = new ArrayList<>();
		Reach.Named reach = f.reach().named("unit_code", "department_code");
		terms.add(reach.condition());
		params.putAll(reach.params());
		f.dimensions().forEach((column, value) -> {
			terms.add(column + " = :" + column);
			params.put(column, value);
		});
		return String.join(" and ", terms);
	}

}
