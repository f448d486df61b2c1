package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI cube ({@code dash_cube}): {@link CaseKpis#COUNTS} of the cases reported on each
 * day and in each month, town-wide and per area, block, unit, department, category and
 * channel. A change to a case marks its day dirty ({@code dash_dirty}) in the change's
 * own transaction; the refresher counts dirty days again and clears their marks in one
 * transaction. A KPI takes whole clean months and days from the cube and reads dirty days
 * and the ragged ends of its period from {@code dash_case}, all in one snapshot, so it is
 * exact however far the refresher is behind.
 */
@Repository
class KpiCube {

	/** The counters of {@link CaseKpis#COUNTS} (its column names), in its order. */
	static final List<String> COUNTERS = Pattern.compile("\\bas (\\w+)")
		.matcher(CaseKpis.COUNTS)
		.results()
		.map((m) -> m.group(1))
		.toList();

	/** The dimensions the cube counts by, one at a time. */
	static final List<String> DIMENSIONS = List.of("area_code", "block_code", "unit_code", "department_code",
			"category_code", "channel");

	static final String TOWN = "town";

	private static final String SUMS = COUNTERS.stream()
		.map((c) -> "coalesce(sum(" + c + "), 0) as " + c)
		.collect(Collectors.joining(", "));

	private static final String DAY_COUNT = """
			insert into dash_cube (dim, key, grain, bucket, %1$s)
			select dim, key, 'd', ?, %1$s from (
			  select case grouping(area_code, block_code, unit_code, department_code, category_code, channel)
			           when 63 then 'town' when 31 then 'area_code' when 47 then 'block_code' when 55 then 'unit_code'
			           when 59 then 'department_code' when 61 then 'category_code' else 'channel' end as dim,
			         case grouping(area_code, block_code, unit_code, department_code, category_code, channel)
			           when 63 then '' else coalesce(area_code, block_code, unit_code, department_code, category_code,
			                                         channel) end as key,
			         %2$s
			    from dash_case where reported_at >= ? and reported_at < ?
			   group by grouping sets ((), (area_code), (block_code), (unit_code), (department_code), (category_code),
			                           (channel))) counted
			 where key is not null""".formatted(String.join(", ", COUNTERS), CaseKpis.COUNTS);

	/**
	 * Sums one grain into the next coarser: the coarser grain and its bucket, the finer
	 * grain and the range of its buckets.
	 */
	private static final String ROLL_UP = """
			insert into dash_cube (dim, key, grain, bucket, %s)
			select dim, key, ?, ?, %s from dash_cube
			 where grain = ? and bucket >= ? and bucket < ? group by dim, key""".formatted(String.join(", ", COUNTERS),
			COUNTERS.stream().map((c) -> "sum(" + c + ")").collect(Collectors.joining(", ")));

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	private final int daysPerTransaction;

	private final Duration settle;

	private final Duration maxWait;

	private final Timer refreshes;

	private final Counter recounted;

	KpiCube(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${cityops.dashboard.cube-days-per-transaction:100}") int daysPerTransaction,
			@Value("${cityops.dashboard.cube-settle:2s}") Duration settle,
			@Value("${cityops.dashboard.cube-max-wait:60s}") Duration maxWait) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.zone = zone;
		this.daysPerTransaction = daysPerTransaction;
		this.settle = settle;
		this.maxWait = maxWait;
		this.refreshes = Timer.builder("cityops.dashboard.cube.refresh")
			.description("A refresh of the KPI cube that found dirty days")
			.register(meters);
		this.recounted = Counter.builder("cityops.dashboard.cube.days")
			.description("Days the KPI cube counted again")
			.register(meters);
	}

	/**
	 * Counts the dirty days again that are due: quiet for {@code cube-settle} (a day that
	 * is still changing would be dirty again at once, and KPIs read it from dash_case
	 * meanwhile) or dirty for longer than {@code cube-max-wait}. Marks written after the
	 * refresh started wait for the next one.
	 */
	@Scheduled(fixedDelayString = "${cityops.dashboard.cube-refresh-interval:1000}", initialDelay = 1000)
	int refresh() {
		return refresh(this.settle, this.maxWait);
	}

	/** Counts every dirty day again, due or not. */
	int refreshAll() {
		return refresh(Duration.ZERO, Duration.ZERO);
	}

	private int refresh(Duration settle, Duration maxWait) {
		Long last = this.jdbc.sql("select max(id) from dash_dirty").query(Long.class).optional().orElse(null);
		if (last == null) {
			return 0;
		}
		long started = System.nanoTime();
		int total = 0;
		int done;
		do {
			done = this.transactions.execute((tx) -> refreshSome(last, settle, maxWait));
			total += done;
		}
		while (done > 0);
		if (total > 0) {
			this.refreshes.record(Duration.ofNanos(System.nanoTime() - started));
			this.recounted.increment(total);
		}
		return total;
	}

	/**
	 * Counts up to {@code cube-days-per-transaction} due dirty days (marks up to
	 * {@code last}) again and removes the marks it saw, in the caller's transaction.
	 * Refreshers on several instances take turns (advisory lock); a mark written while a
	 * day is counted is not removed, so that day stays dirty.
	 */
	int refreshSome(long last, Duration settle, Duration maxWait) {
		lock();
		Map<LocalDate, Long[]> marks = new TreeMap<>();
		this.jdbc.sql("""
				select day, array_agg(id) as ids from dash_dirty where id <= ?
				 group by day having max(at) < now() - cast(? as interval) or min(at) < now() - cast(? as interval)
				 order by day limit ?""")
			.params(last, settle.toMillis() + " milliseconds", maxWait.toMillis() + " milliseconds",
					this.daysPerTransaction)
			.query((rs) -> {
				marks.put(rs.getDate("day").toLocalDate(), (Long[]) rs.getArray("ids").getArray());
			});
		if (marks.isEmpty()) {
			return 0;
		}
		Set<YearMonth> months = new TreeSet<>();
		for (LocalDate day : marks.keySet()) {
			this.jdbc.sql("delete from dash_cube where grain = 'd' and bucket = ?").param(day).update();
			this.jdbc.sql(DAY_COUNT)
				.params(day, Timestamp.from(start(day)), Timestamp.from(start(day.plusDays(1))))
				.update();
			months.add(YearMonth.from(day));
		}
		Set<Integer> years = new TreeSet<>();
		for (YearMonth m : months) {
			rollUp("m", m.atDay(1), "d", m.plusMonths(1).atDay(1));
			years.add(m.getYear());
		}
		for (int y : years) {
			rollUp("y", LocalDate.of(y, 1, 1), "m", LocalDate.of(y + 1, 1, 1));
		}
		Long[] ids = marks.values().stream().flatMap(Arrays::stream).toArray(Long[]::new);
		this.jdbc.sql("delete from dash_dirty where id = any(?)").param(ids).update();
		return marks.size();
	}

	/** Refreshers and a rebuild take turns on the cube, across instances. */
	private void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('dash_cube'))").query().listOfRows();
	}

	private void rollUp(String grain, LocalDate from, String finer, LocalDate to) {
		this.jdbc.sql("delete from dash_cube where grain = ? and bucket = ?").params(grain, from).update();
		this.jdbc.sql(ROLL_UP).params(grain, from, finer, from, to).update();
	}

	/** Forgets the cube and marks every day with cases dirty (after a rebuild). */
	void markAllDays() {
		lock();
		this.jdbc.sql("delete from dash_cube").update();
		this.jdbc.sql("delete from dash_dirty").update();
		this.jdbc.sql("""
				insert into dash_dirty (day) select distinct (reported_at at time zone ?)::date from dash_case
				 where reported_at is not null""").param(this.zone.getId()).update();
	}

	/** Which parts of the period come from the cube and which from dash_case. */
	record Plan(List<LocalDate> years, List<LocalDate> months, List<LocalDate> days, List<Instant[]> raw) {

		boolean cubeless() {
			return this.years.isEmpty() && this.months.isEmpty() && this.days.isEmpty();
		}

	}

	/** Splits a period; call inside the reading transaction (the dirty days are read). */
	Plan plan(Instant from, Instant to) {
		LocalDate first = LocalDate.ofInstant(from, this.zone);
		if (start(first).isBefore(from)) {
			first = first.plusDays(1);
		}
		LocalDate end = LocalDate.ofInstant(to, this.zone);
		Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		if (!first.isBefore(end)) {
			plan.raw().add(new Instant[] { from, to });
			return plan;
		}
		add(plan.raw(), from, start(first));
		TreeSet<LocalDate> dirty = new TreeSet<>(
				this.jdbc.sql("select distinct day from dash_dirty where day >= ? and day < ?")
					.params(first, end)
					.query((rs, i) -> rs.getDate(1).toLocalDate())
					.list());
		for (int y = first.getYear(); y <= end.minusDays(1).getYear(); y++) {
			LocalDate yFrom = max(first, LocalDate.of(y, 1, 1));
			LocalDate yTo = min(end, LocalDate.of(y + 1, 1, 1));
			if (yFrom.equals(LocalDate.of(y, 1, 1)) && yTo.equals(LocalDate.of(y + 1, 1, 1))
					&& dirty.subSet(yFrom, yTo).isEmpty()) {
				plan.years().add(yFrom);
				continue;
			}
			for (YearMonth m = YearMonth.from(yFrom); m.atDay(1).isBefore(yTo); m = m.plusMonths(1)) {
				LocalDate mFrom = max(yFrom, m.atDay(1));
				LocalDate mTo = min(yTo, m.plusMonths(1).atDay(1));
				if (mFrom.equals(m.atDay(1)) && mTo.equals(m.plusMonths(1).atDay(1))
						&& dirty.subSet(mFrom, mTo).isEmpty()) {
					plan.months().add(mFrom);
					continue;
				}
				for (LocalDate d = mFrom; d.isBefore(mTo); d = d.plusDays(1)) {
					if (dirty.contains(d)) {
						add(plan.raw(), start(d), start(d.plusDays(1)));
					}
					else {
						plan.days().add(d);
					}
				}
			}
		}
		add(plan.raw(), start(end), to);
		return plan;
	}

	/**
	 * The cube's sums over the plan's years, months and days, per key of the dimension.
	 */
	Map<String, CaseCounts> sums(String dim, String key, Plan plan) {
		Map<String, CaseCounts> out = new HashMap<>();
		if (plan.cubeless()) {
			return out;
		}
		String rows = "select * from dash_cube where grain = '%s' and bucket = any(cast(:%s as date[])) and dim = :dim"
				+ ((key != null) ? " and key = :key" : "");
		String sql = "select key, " + SUMS + " from (" + rows.formatted("y", "years") + " union all "
				+ rows.formatted("m", "months") + " union all " + rows.formatted("d", "days")
				+ ") buckets group by key";
		Map<String, Object> params = new HashMap<>();
		params.put("dim", dim);
		params.put("key", key);
		params.put("years", array(plan.years()));
		params.put("months", array(plan.months()));
		params.put("days", array(plan.days()));
		this.jdbc.sql(sql).params(params).query((rs, i) -> out.put(rs.getString("key"), CaseCounts.read(rs, i))).list();
		return out;
	}

	/** The plan's raw ranges as one SQL condition on reported_at. */
	static String rawCondition(Plan plan, Map<String, Object> params) {
		List<String> ors = new ArrayList<>();
		for (int i = 0; i < plan.raw().size(); i++) {
			ors.add("(reported_at >= :rf" + i + " and reported_at < :rt" + i + ")");
			params.put("rf" + i, Timestamp.from(plan.raw().get(i)[0]));
			params.put("rt" + i, Timestamp.from(plan.raw().get(i)[1]));
		}
		return "(" + String.join(" or ", ors) + ")";
	}

	private static String array(List<LocalDate> days) {
		return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * Adds the range from..to unless empty, joined to the range before when they touch.
	 */
	private static void add(List<Instant[]> ranges, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return;
		}
		if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1].equals(from)) {
			ranges.get(ranges.size() - 1)[1] = to;
			return;
		}
		ranges.add(new Instant[] { from, to });
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
