package org.cityops.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.cityops.dashboard.CaseCounts;
import org.cityops.dashboard.CaseKpis;
import org.cityops.dashboard.KpiFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three days of the town's case history through the domain's own code: the volumes and
 * the mix are the town's, every case's history runs forward in time from its report, and
 * the read models see every case.
 */
@SpringBootTest
class HistoryGeneratorTests {

	static final ZoneId TOWN = ZoneId.of("Asia/Shanghai");

	@Autowired
	HistoryGenerator generator;

	@Autowired
	CaseKpis kpis;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatesThreeDaysLikeTheTownsThroughTheWorkflow() {
		LocalDate last = LocalDate.now(TOWN).minusDays(10);
		LocalDate first = last.minusDays(2);
		HistoryGenerator.Generated made = this.generator.generate(first, last, 3);

		// 9,500 standard, 9,500 simple and 1,300 hotline cases a year: about 167 in three
		// days
		assertThat(made.failed()).isZero();
		assertThat(made.cases()).isBetween(90L, 260L);
		List<Map<String, Object>> cases = this.jdbc.sql("select id, status, simple_procedure, channel from case_file")
			.query()
			.listOfRows();
		assertThat(cases).hasSize((int) made.cases());
		long simple = cases.stream().filter((c) -> (Boolean) c.get("simple_procedure")).count();
		assertThat(simple * 100 / made.cases()).isBetween(30L, 70L);
		assertThat(cases).extracting((c) -> c.get("channel")).contains("INSPECTOR", "HOTLINE");
		assertThat(cases).extracting((c) -> c.get("status")).contains("CLOSED");

		// every history starts with the report and runs forward in time; closed ones end
		// closed
		Map<Long, List<Map<String, Object>>> lines = new java.util.HashMap<>();
		this.jdbc.sql("select case_id, at, action from case_history order by id")
			.query()
			.listOfRows()
			.forEach((h) -> lines
				.computeIfAbsent(((Number) h.get("case_id")).longValue(), (k) -> new java.util.ArrayList<>())
				.add(h));
		for (Map<String, Object> c : cases) {
			List<Map<String, Object>> h = lines.get(((Number) c.get("id")).longValue());
			assertThat(h.get(0).get("action")).isIn("report");
			for (int i = 1; i < h.size(); i++) {
				assertThat((java.sql.Timestamp) h.get(i).get("at")).as("history of case %s: %s", c.get("id"), h)
					.isAfterOrEqualTo((java.sql.Timestamp) h.get(i - 1).get("at"));
			}
			if ("CLOSED".equals(c.get("status"))) {
				assertThat(h.get(h.size() - 1).get("action")).isEqualTo("close");
			}
		}
		assertThat(this.jdbc
			.sql("select count(*) from case_file where (reported_at at time zone 'Asia/Shanghai')::date"
					+ " not between ? and ?")
			.params(first, last)
			.query(Long.class)
			.single()).isZero();

		KpiFilter period = KpiFilter.period(first.atStartOfDay(TOWN).toInstant(),
				last.plusDays(1).atStartOfDay(TOWN).toInstant());
		await().atMost(Duration.ofSeconds(30)).until(() -> this.kpis.counts(period).reported() == made.cases());
		CaseCounts counts = this.kpis.counts(period);
		assertThat(counts.rates().get("closureRate")).isGreaterThan(80.0);
		assertThat(counts.returned() + counts.reworked()).isPositive();
	}

}
