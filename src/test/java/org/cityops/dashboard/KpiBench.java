package org.cityops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.cityops.CityOpsApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KPI query benchmark (issue #6), run by {@code bench/kpis.sh}: starts the platform's
 * context (embedded PostgreSQL in a fresh directory, no demo, no web server), bulk-loads
 * N made-up cases over ten years straight into {@code dash_case} (a district's volume:
 * 480 units in 120 blocks and 30 areas, 60 departments, 150 categories, 6 channels, with
 * skewed mixes), has the cube count every day, then times each tile through
 * {@link CaseKpis} (cube) and the same figures as a plain GROUP BY over dash_case
 * ({@link CaseKpis#rawCounts}), in the same run. Not a test: it asserts nothing but that
 * both give the same counts.
 *
 * <p>
 * Usage: {@code KpiBench DATA_DIR [CASES (10000000)] [CUBE_REPS (40)] [RAW_REPS (5)]}
 */
public final class KpiBench {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private KpiBench() {
	}

	public static void main(String[] args) {
		String dir = args[0];
		long cases = (args.length > 1) ? Long.parseLong(args[1]) : 10_000_000L;
		int cubeReps = (args.length > 2) ? Integer.parseInt(args[2]) : 40;
		int rawReps = (args.length > 3) ? Integer.parseInt(args[3]) : 5;
		try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CityOpsApplication.class).run(
				"--cityops.data-dir=" + dir, "--server.port=0", "--cityops.demo=false",
				"--cityops.admin.password=kpi-benchmark-admin", "--cityops.sensors.mqtt.enabled=false",
				"--cityops.dashboard.cube-refresh-interval=86400000", "--cityops.dashboard.report-initial-delay=1d",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
			KpiCube cube = ctx.getBean(KpiCube.class);
			CaseKpis kpis = ctx.getBean(CaseKpis.class);
			Instant now = Instant.now();
			long have = jdbc.queryForObject("select count(*) from dash_case", Long.class);
			if (have < cases) {
				load(jdbc, have, cases, now);
			}
			System.out.printf(Locale.ROOT, "dash_case: %,d rows, %s%n",
					jdbc.queryForObject("select count(*) from dash_case", Long.class),
					jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('dash_case'))", String.class));
			if (jdbc.queryForObject("select count(*) from dash_cube", Long.class) == 0) {
				jdbc.update("""
						insert into dash_dirty (day) select distinct (reported_at at time zone 'Asia/Shanghai')::date
						  from dash_case""");
				long t = System.nanoTime();
				int days = cube.refreshAll();
				System.out.printf(Locale.ROOT, "cube: counted %,d days in %.1f s (%.1f ms a day)%n", days,
						(System.nanoTime() - t) / 1e9, (System.nanoTime() - t) / 1e6 / days);
				jdbc.execute("analyze dash_cube");
			}
			System.out.printf(Locale.ROOT, "dash_cube: %,d rows, %s%n",
					jdbc.queryForObject("select count(*) from dash_cube", Long.class),
					jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('dash_cube'))", String.class));

			List<Tile> tiles = tiles(kpis, now);
			for (Tile tile : tiles) {
				Object cubed = tile.cube().get();
				Object raw = tile.raw().get();
				if (!cubed.equals(raw)) {
					throw new IllegalStateException(tile.name() + ": cube " + cubed + " but dash_case " + raw);
				}
			}
			System.out.println("all tiles: cube and GROUP BY agree");

			List<double[]> cubeClean = new ArrayList<>();
			for (Tile tile : tiles) {
				cubeClean.add(time(tile.cube(), cubeReps));
			}
			// live: today and the five days before have changes the cube has not counted
			// yet
			LocalDate today = LocalDate.ofInstant(now, ZONE);
			for (int d = 0; d <= 5; d++) {
				jdbc.update("insert into dash_dirty (day) values (?)", today.minusDays(d));
			}
			List<double[]> cubeLive = new ArrayList<>();
			for (Tile tile : tiles) {
				cubeLive.add(time(tile.cube(), cubeReps));
			}
			List<double[]> raw = new ArrayList<>();
			for (Tile tile : tiles) {
				raw.add(time(tile.raw(), rawReps));
			}
			System.out.println();
			System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %10s %10s %10s %9s%n", "tile (ms)", "cube p50",
					"cube p95", "live p50", "live p95", "raw p50", "raw p95", "raw/live");
			List<Double> all = new ArrayList<>();
			for (int i = 0; i < tiles.size(); i++) {
				double[] c = cubeClean.get(i);
				double[] l = cubeLive.get(i);
				double[] r = raw.get(i);
				System.out.printf(Locale.ROOT, "%-44s %10.2f %10.2f %10.2f %10.2f %10.1f %10.1f %8.0f×%n",
						tiles.get(i).name(), pct(c, 50), pct(c, 95), pct(l, 50), pct(l, 95), pct(r, 50), pct(r, 95),
						pct(r, 95) / pct(l, 95));
				for (double v : l) {
					all.add(v);
				}
			}
			double[] every = all.stream().mapToDouble(Double::doubleValue).toArray();
			System.out.printf(Locale.ROOT, "every live tile together: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
					pct(every, 50), pct(every, 95), pct(every, 100));
			jdbc.update("delete from dash_dirty");
		}
	}

	record Tile(String name, Supplier<Object> cube, Supplier<Object> raw) {
	}

	private static List<Tile> tiles(CaseKpis kpis, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		Instant tomorrow = today.plusDays(1).atStartOfDay(ZONE).toInstant();
		Object[][] periods = { { "today", today }, { "this month", today.withDayOfMonth(1) },
				{ "this year", today.withDayOfYear(1) }, { "last 365 days", today.minusDays(364) },
				{ "last 3650 days", today.minusDays(3649) } };
		List<Tile> tiles = new ArrayList<>();
		for (Object[] p : periods) {
			Instant from = ((LocalDate) p[1]).atStartOfDay(ZONE).toInstant();
			String period = (String) p[0];
			List<Object[]> filters = List.of(new Object[] { "town", KpiFilter.period(from, tomorrow) },
					new Object[] { "area A07", new KpiFilter(from, tomorrow, "A07", null, null, null, null, null) },
					new Object[] { "unit U123", new KpiFilter(from, tomorrow, null, null, "U123", null, null, null) },
					new Object[] { "department D05",
							new KpiFilter(from, tomorrow, null, null, null, "D05", null, null) },
					new Object[] { "category C007",
							new KpiFilter(from, tomorrow, null, null, null, null, "C007", null) },
					new Object[] { "channel HOTLINE",
							new KpiFilter(from, tomorrow, null, null, null, null, null, "HOTLINE") },
					new Object[] { "area A07 + category C007 (no cube)",
							new KpiFilter(from, tomorrow, "A07", null, null, null, "C007", null) });
			for (Object[] f : filters) {
				KpiFilter filter = (KpiFilter) f[1];
				tiles.add(new Tile(period + ", " + f[0], () -> kpis.counts(filter), () -> kpis.rawCounts(filter)));
			}
			KpiFilter town = KpiFilter.period(from, tomorrow);
			for (String dim : List.of("department_code", "category_code", "unit_code")) {
				tiles.add(new Tile(period + ", by " + dim, () -> new java.util.HashMap<>(kpis.countsBy(dim, town)),
						() -> new java.util.HashMap<>(kpis.rawCountsBy(dim, town))));
			}
		}
		return tiles;
	}

	private static double[] time(Supplier<Object> query, int reps) {
		query.get();
		double[] ms = new double[reps];
		for (int i = 0; i < reps; i++) {
			long t = System.nanoTime();
			query.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	private static double pct(double[] sorted, int p) {
		if (p >= 100) {
			return sorted[sorted.length - 1];
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	/** Made-up cases {@code have+1 .. cases}, reported over the ten years up to now. */
	private static void load(JdbcTemplate jdbc, long have, long cases, Instant now) {
		long chunk = 500_000;
		long end = now.getEpochSecond();
		long span = 3650L * 86400;
		for (long a = have + 1; a <= cases; a += chunk) {
			long b = Math.min(cases, a + chunk - 1);
			long t = System.nanoTime();
			jdbc.update(
					"""
							insert into dash_case (case_id, number, channel, category_code, unit_code, block_code, area_code,
							       reporter, department_code, reported_at, registered_at, rejected_at, dispatched_at,
							       accepted_at, handled_at, verified_at, closed_at, closed_on_time, simple_procedure,
							       resolved_level, dispatches, returns, reworks, supervised, overdue_stages)
							select id, 'B' || id, ch, 'C' || lpad(c::text, 3, '0'), 'U' || lpad(u::text, 3, '0'),
							       'B' || lpad((u / 4)::text, 3, '0'), 'A' || lpad((u / 16)::text, 2, '0'), 'insp' || (id % 300),
							       case when disp then 'D' || lpad(d::text, 2, '0') end, to_timestamp(t),
							       case when reg then to_timestamp(t + 600) end, case when not reg then to_timestamp(t + 900) end,
							       case when disp then to_timestamp(t + 1800) end, case when disp then to_timestamp(t + 3600) end,
							       case when handled then to_timestamp(t + 86400) end,
							       case when verified then to_timestamp(t + 90000) end,
							       case when closed then to_timestamp(t + 100000) end, case when closed then p6 < 0.92 end,
							       simple, case when closed then (array['COMMITTEE', 'GRID', 'TOWN', 'DISTRICT'])
							                                     [1 + floor(4 * power(p3, 2))::int] end,
							       case when disp then 1 else 0 end, case when p4 < 0.04 then 1 else 0 end,
							       case when p5 < 0.05 then 1 else 0 end, p2 > 0.99,
							       case when p6 > 0.96 then '{HANDLE}'::text[] when p6 > 0.94 then '{REGISTER}'::text[]
							            else '{}'::text[] end
							  from (select *, verified and (simple or p6 < 0.99) or simple as closed
							          from (select *, handled and p5 < 0.97 as verified
							                  from (select *, disp and p4 < 0.95 as handled
							                          from (select *, reg and not simple and p3 < 0.97 as disp
							                                  from (select *, p1 < 0.96 as reg, p1 < 0.96 and p2 < 0.5 as simple
							                                          from (select id, ? - random() * ? as t,
							                                                       floor(random() * 480)::int as u,
							                                                       floor(150 * power(random(), 2))::int as c,
							                                                       floor(60 * power(random(), 1.5))::int as d,
							                                                       (array['INSPECTOR', 'HOTLINE', 'SENSOR',
							                                                              'RESIDENT', 'VISIT', 'APP'])
							                                                         [1 + floor(6 * power(random(), 1.7))::int]
							                                                         as ch,
							                                                       random() as p1, random() as p2,
							                                                       random() as p3, random() as p4,
							                                                       random() as p5, random() as p6
							                                                  from generate_series(?::bigint, ?::bigint) id) g) f)
							                               h) k) v) w""",
					end, span, a, b);
			System.out.printf(Locale.ROOT, "loaded cases to %,d (%.1f s)%n", b, (System.nanoTime() - t) / 1e9);
		}
		jdbc.execute("vacuum analyze dash_case");
	}

}
