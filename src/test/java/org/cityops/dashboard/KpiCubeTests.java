package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cityops.cases.CaseEvent;
import org.cityops.cases.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cube gives the same counts as dash_case itself — while every day is dirty, once it
 * has counted them, and right after a case of an old day changes — for whole and ragged
 * periods, every single-dimension filter, a two-dimension filter and every grouping. The
 * cases are made up in 2001–2002, out of the way of the other tests' cases.
 */
@SpringBootTest
class KpiCubeTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final long FIRST_ID = 9_000_000_000L;

	private static final int CASES = 4000;

	@Autowired
	CaseKpis kpis;

	@Autowired
	KpiCube cube;

	@Autowired
	CaseFacts facts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void madeUpCases() {
		Random random = new Random(20011);
		Instant start = LocalDate.of(2001, 1, 1).atStartOfDay(ZONE).toInstant();
		long span = LocalDate.of(2002, 4, 1).atStartOfDay(ZONE).toInstant().getEpochSecond() - start.getEpochSecond();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			Instant reported = start.plusSeconds((long) (random.nextDouble() * span));
			int unit = random.nextInt(48);
			boolean registered = random.nextDouble() < 0.95;
			boolean simple = registered && random.nextDouble() < 0.4;
			boolean dispatched = registered && !simple && random.nextDouble() < 0.9;
			boolean handled = dispatched && random.nextDouble() < 0.85;
			boolean verified = handled && random.nextDouble() < 0.9;
			boolean closed = simple || (verified && random.nextDouble() < 0.95);
			List<String> overdue = new ArrayList<>();
			for (String stage : List.of("REGISTER", "DISPATCH", "HANDLE", "VERIFY")) {
				if (random.nextDouble() < 0.06) {
					overdue.add(stage);
				}
			}
			rows.add(new Object[] { FIRST_ID + i, "C" + i,
					List.of("INSPECTOR", "HOTLINE", "SENSOR", "RESIDENT").get(random.nextInt(4)),
					"0" + (1000 + random.nextInt(20)), "U" + unit, "B" + (unit % 11), "A" + (unit % 3),
					"inspector" + random.nextInt(7), dispatched ? "D" + random.nextInt(9) : null,
					Timestamp.from(reported), registered ? Timestamp.from(reported.plusSeconds(600)) : null,
					registered ? null : Timestamp.from(reported.plusSeconds(900)),
					dispatched ? Timestamp.from(reported.plusSeconds(1800)) : null,
					handled ? Timestamp.from(reported.plusSeconds(86400)) : null,
					verified ? Timestamp.from(reported.plusSeconds(90000)) : null,
					closed ? Timestamp.from(reported.plusSeconds(100000)) : null,
					closed ? random.nextDouble() < 0.9 : null, simple,
					closed ? List.of("COMMITTEE", "GRID", "TOWN", "DISTRICT").get(random.nextInt(4)) : null,
					random.nextInt(10) == 0 ? 1 : 0, random.nextInt(12) == 0 ? 1 : 0, random.nextInt(20) == 0,
					String.join(",", overdue) });
		}
		this.jdbc.batchUpdate("""
				insert into dash_case (case_id, number, channel, category_code, unit_code, block_code, area_code,
				       reporter, department_code, reported_at, registered_at, rejected_at, dispatched_at, handled_at,
				       verified_at, closed_at, closed_on_time, simple_procedure, resolved_level, returns, reworks,
				       supervised, overdue_stages)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				        coalesce(string_to_array(nullif(?, ''), ','), '{}'))""", rows);
		this.jdbc.update("""
				insert into dash_dirty (day) select distinct (reported_at at time zone 'Asia/Shanghai')::date
				  from dash_case where case_id >= ?""", FIRST_ID);
	}

	@AfterEach
	void forget() {
		this.jdbc.update("delete from dash_case where case_id >= ?", FIRST_ID);
		this.jdbc.update("delete from dash_dirty where day < '2003-01-01'");
		this.jdbc.update("delete from dash_cube where bucket < '2003-01-01'");
		this.jdbc.update("delete from dash_applied where event_key like ?", "case:9000000%");
	}

	@Test
	void theCubeCountsWhatTheCaseTableCountsBeforeAfterAndAcrossARefresh() {
		assertSameAsCaseTable("every day dirty");
		this.cube.refreshAll();
		assertThat(this.jdbc.queryForObject("select count(*) from dash_dirty where day < '2003-01-01'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from dash_cube where grain = 'm' and bucket < '2003-01-01'" + " and dim = 'town'",
				Long.class))
			.isEqualTo(15);
		assertThat(this.jdbc.queryForObject(
				"select sum(reported) from dash_cube where grain = 'y' and bucket < '2003-01-01'" + " and dim = 'town'",
				Long.class))
			.isEqualTo(CASES);
		assertSameAsCaseTable("counted");

		// an open case of an old day closes: the figures show it at once, before the cube
		// has counted that day again, and after
		long id = this.jdbc.queryForObject("""
				select min(case_id) from dash_case where case_id >= ? and closed_at is null and rejected_at is null
				   and reported_at >= '2001-06-01T00:00:00+08' and reported_at < '2001-07-01T00:00:00+08'""",
				Long.class, FIRST_ID);
		KpiFilter june = KpiFilter.period(LocalDate.of(2001, 6, 1).atStartOfDay(ZONE).toInstant(),
				LocalDate.of(2001, 7, 1).atStartOfDay(ZONE).toInstant());
		long closedBefore = this.kpis.counts(june).closed();
		this.transactions.executeWithoutResult((tx) -> this.facts
			.apply(new CaseEvent.Closed(id, Level.GRID, true, false, Instant.parse("2003-01-05T02:00:00Z"), 0)));
		assertThat(this.kpis.counts(june).closed()).isEqualTo(closedBefore + 1);
		assertSameAsCaseTable("one day dirty again");
		this.cube.refreshAll();
		assertThat(this.kpis.counts(june).closed()).isEqualTo(closedBefore + 1);
		assertSameAsCaseTable("counted again");
	}

	@Test
	void aDayThatIsStillChangingWaitsUntilItIsQuiet() {
		this.cube.refreshAll();
		this.jdbc.update("insert into dash_dirty (day) values ('2001-06-15')");
		this.cube.refresh(); // the scheduled refresh: the mark is younger than
								// cube-settle (2 s)
		assertThat(this.jdbc.queryForObject("select count(*) from dash_dirty where day = '2001-06-15'", Long.class))
			.isEqualTo(1);
		this.jdbc.update("update dash_dirty set at = now() - interval '3 seconds' where day = '2001-06-15'");
		this.cube.refresh();
		assertThat(this.jdbc.queryForObject("select count(*) from dash_dirty where day = '2001-06-15'", Long.class))
			.isZero();
		// a day that never goes quiet is still counted once it has waited cube-max-wait
		// (60 s)
		this.jdbc.update("insert into dash_dirty (day, at) values ('2001-06-16', now() - interval '61 seconds')");
		this.jdbc.update("insert into dash_dirty (day) values ('2001-06-16')");
		this.cube.refresh();
		assertThat(this.jdbc.queryForObject("select count(*) from dash_dirty where day = '2001-06-16'", Long.class))
			.isZero();
	}

	private void assertSameAsCaseTable(String when) {
		List<Instant[]> periods = List.of(period("2001-01-01T00:00:00+08", "2002-04-01T00:00:00+08"),
				period("2001-03-01T00:00:00+08", "2001-04-01T00:00:00+08"),
				period("2001-03-15T05:17:00Z", "2001-11-02T13:00:00Z"),
				period("2001-12-31T20:00:00+08", "2002-01-01T04:00:00+08"),
				period("2002-02-10T09:00:00+08", "2002-02-10T17:00:00+08"),
				period("2000-06-01T00:00:00+08", "2003-01-01T00:00:00+08"));
		assertThat(this.kpis.counts(KpiFilter.period(periods.get(0)[0], periods.get(0)[1])).reported()).as(when)
			.isEqualTo(CASES);
		for (Instant[] p : periods) {
			List<KpiFilter> filters = List.of(KpiFilter.period(p[0], p[1]),
					new KpiFilter(p[0], p[1], "A1", null, null, null, null, null),
					new KpiFilter(p[0], p[1], null, "B4", null, null, null, null),
					new KpiFilter(p[0], p[1], null, null, "U17", null, null, null),
					new KpiFilter(p[0], p[1], null, null, null, "D3", null, null),
					new KpiFilter(p[0], p[1], null, null, null, null, "01005", null),
					new KpiFilter(p[0], p[1], null, null, null, null, null, "HOTLINE"),
					new KpiFilter(p[0], p[1], null, null, null, null, "01005", "HOTLINE"),
					new KpiFilter(p[0], p[1], "A2", null, null, "D1", null, null));
			for (KpiFilter f : filters) {
				assertThat(this.kpis.counts(f)).as(when + ": " + f).isEqualTo(this.kpis.rawCounts(f));
			}
			KpiFilter town = filters.get(0);
			for (String dimension : List.of("area_code", "block_code", "unit_code", "department_code", "category_code",
					"channel", "reporter")) {
				assertThat(this.kpis.countsBy(dimension, town)).as(when + ": by " + dimension + " " + town)
					.containsExactlyInAnyOrderEntriesOf(this.kpis.rawCountsBy(dimension, town));
			}
		}
	}

	private static Instant[] period(String from, String to) {
		return new Instant[] { java.time.OffsetDateTime.parse(from).toInstant(),
				java.time.OffsetDateTime.parse(to).toInstant() };
	}

}
