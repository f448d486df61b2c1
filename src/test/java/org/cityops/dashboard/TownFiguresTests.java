package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taopu's five-year report counts "标准流程网格案件 47,460 件，结案率 86.5%" and 47,272
 * simple-procedure cases apart. A history of that shape at a tenth of the volume — 4,746
 * standard-procedure cases of which 4,105 closed, and 4,727 closed on the spot — must
 * read 86.5 %, not the 93 % of counting both kinds together; every other figure is
 * checked against a count written here, directly on the case table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TownFiguresTests {

	static final long FIRST_ID = 8_000_000L;

	static final int STANDARD = 4_746;

	static final int STANDARD_CLOSED = 4_105;

	static final int SIMPLE = 4_727;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	KpiCube cube;

	final ZoneId zone = ZoneId.of("Asia/Shanghai");

	final Instant from = LocalDate.of(2021, 1, 1).atStartOfDay(this.zone).toInstant();

	final Instant to = LocalDate.of(2026, 1, 1).atStartOfDay(this.zone).toInstant();

	@BeforeEach
	void fiveYearsAtATenth() {
		this.jdbc.update("delete from dash_case where case_id >= ?", FIRST_ID);
		Random random = new Random(47_460);
		long span = this.to.getEpochSecond() - this.from.getEpochSecond() - 200_000;
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < STANDARD + SIMPLE; i++) {
			boolean simple = i >= STANDARD;
			boolean closed = simple || i < STANDARD_CLOSED;
			Instant reported = this.from.plusSeconds((long) (random.nextDouble() * span));
			boolean onTime = simple || random.nextDouble() < 0.93;
			String level = simple ? "COMMITTEE"
					: closed ? List.of("COMMITTEE", "GRID", "GRID", "TOWN", "DISTRICT").get(random.nextInt(5)) : null;
			rows.add(new Object[] { FIRST_ID + i, "T" + i, simple ? "INSPECTOR" : "HOTLINE", "06001",
					"U" + random.nextInt(48), Timestamp.from(reported), Timestamp.from(reported.plusSeconds(600)),
					simple ? null : Timestamp.from(reported.plusSeconds(1800)),
					(simple || !closed) ? null : Timestamp.from(reported.plusSeconds(86_400)),
					(simple || !closed) ? null : Timestamp.from(reported.plusSeconds(90_000)),
					closed ? Timestamp.from(reported.plusSeconds(simple ? 600 : 100_000)) : null,
					closed ? onTime : null, simple, level, (!simple && random.nextInt(15) == 0) ? 1 : 0 });
		}
		this.jdbc.batchUpdate("""
				insert into dash_case (case_id, number, channel, category_code, unit_code, reported_at, registered_at,
				       dispatched_at, handled_at, verified_at, closed_at, closed_on_time, simple_procedure,
				       resolved_level, returns)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		this.jdbc.update("""
				insert into dash_dirty (day) select distinct (reported_at at time zone 'Asia/Shanghai')::date
				  from dash_case where case_id >= ? on conflict do nothing""", FIRST_ID);
	}

	@Test
	void theClosureRateIsOverStandardProcedureCasesAsTheTownReportsIt() {
		JsonNode kpis = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis?from=2021-01-01&to=2025-12-31", JsonNode.class);
		JsonNode rates = kpis.path("rates");
		assertThat(rates.path("closureRate").asDouble()).isEqualTo(86.5);
		assertThat(kpis.path("standard").asLong()).isEqualTo(STANDARD);
		assertThat(kpis.path("counts").path("simple").asLong()).isEqualTo(SIMPLE);
		assertThat(rates.path("simpleProcedureShare").asDouble())
			.isEqualTo(direct("simple_procedure", "registered_at is not null", false));
		double bothTogether = Math.round((STANDARD_CLOSED + SIMPLE) * 1000.0 / (STANDARD + SIMPLE)) / 10.0;
		assertThat(bothTogether).as("what the old formula read").isEqualTo(93.2);

		// each workflow rate: part / whole among the standard-procedure cases
		Map<String, String[]> standardRates = Map.of("closureRate",
				new String[] { "closed_at is not null", "registered_at is not null" }, "onTimeClosureRate",
				new String[] { "closed_at is not null and closed_on_time", "closed_at is not null" }, "dispatchRate",
				new String[] { "dispatched_at is not null", "registered_at is not null" }, "registrationRate",
				new String[] { "registered_at is not null", "true" }, "returnRate",
				new String[] { "returns > 0", "dispatched_at is not null" }, "resolvedAtCommitteeShare",
				new String[] { "resolved_level = 'COMMITTEE'", "closed_at is not null" }, "resolvedAtGridShare",
				new String[] { "resolved_level = 'GRID'", "closed_at is not null" }, "resolvedAtDistrictShare",
				new String[] { "resolved_level = 'DISTRICT'", "closed_at is not null" });
		standardRates.forEach((rate, partAndWhole) -> assertThat(rates.path(rate).asDouble()).as(rate)
			.isEqualTo(direct(partAndWhole[0], partAndWhole[1], true)));
		// the same figures once the cube has counted the five years
		this.cube.refreshAll();
		JsonNode again = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis?from=2021-01-01&to=2025-12-31", JsonNode.class);
		assertThat(again.path("rates")).isEqualTo(rates);
	}

	@Autowired
	Evaluation evaluation;

	@Test
	void anInspectorsCasesCountEachCaseOnceWhetherReportedOrVerifiedAndOnlyInspectorsAreRanked() {
		Instant day = LocalDate.of(2020, 6, 1).atStartOfDay(this.zone).toInstant();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			// reported by the demo inspector (cases 0-2), case 3 by the operator;
			// verified by
			// the inspector (cases 1-3)
			rows.add(new Object[] { FIRST_ID + 100_000 + i, (i < 3) ? "inspector" : "operator",
					(i >= 1) ? "inspector" : null, Timestamp.from(day.plusSeconds(i * 60L)),
					(i >= 1) ? Timestamp.from(day.plusSeconds(86_400)) : null });
		}
		this.jdbc.batchUpdate("""
				insert into dash_case (case_id, reporter, verified_by, reported_at, verified_at, channel)
				values (?, ?, ?, ?, ?, 'INSPECTOR')""", rows);
		List<Evaluation.Score> inspectors = this.evaluation
			.inspectors(KpiFilter.period(day, day.plusSeconds(7 * 86_400)));
		assertThat(inspectors).filteredOn((s) -> s.subject().equals("inspector"))
			.singleElement()
			.satisfies((s) -> assertThat(s.cases()).as("3 reported + 3 verified, 2 of them the same").isEqualTo(4));
		assertThat(inspectors).as("the operator reports too, but is not an inspector")
			.extracting(Evaluation.Score::subject)
			.containsExactly("inspector");
	}

	/**
	 * part / whole in percent with one decimal, counted directly over the test's cases
	 * (only the standard-procedure ones, if asked).
	 */
	private double direct(String part, String whole, boolean standardOnly) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"select count(*) filter (where " + part + ") as part, count(*) filter (where " + whole
						+ ") as whole from dash_case where case_id >= ? and reported_at >= ? and reported_at < ?"
						+ (standardOnly ? " and not simple_procedure" : ""),
				FIRST_ID, Timestamp.from(this.from), Timestamp.from(this.to));
		return Math.round(((Number) row.get("part")).longValue() * 1000.0 / ((Number) row.get("whole")).longValue())
				/ 10.0;
	}

}
