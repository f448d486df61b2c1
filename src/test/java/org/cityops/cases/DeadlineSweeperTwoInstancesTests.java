package org.cityops.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.cityops.CityOpsApplication;
import org.cityops.MutableClock;
import org.cityops.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database sweep the same overdue cases at the same
 * moment: every deadline fires exactly once, and every overdue case is escalated exactly
 * once.
 */
@SpringBootTest(properties = { "cityops.cases.sweep-interval=1h", "cityops.cases.escalate-after=8h" })
@Import(MutableClock.Config.class)
class DeadlineSweeperTwoInstancesTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	DeadlineSweeper sweeper;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDeadlineFiresExactlyOnceAcrossTwoInstances() throws Exception {
		MutableClock.INSTANCE.set(Instant.parse("2026-03-11T02:00:00Z")); // Wednesday
																			// 10:00 in
																			// Shanghai
		Actor operator = this.cases.actor("operator", Role.OPERATOR);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			NewCase report = new NewCase("OTHER", "06001", "超期测试 " + i, 121.39 + (i % 6) * 0.001,
					31.28 + (i / 6) * 0.0005, null, null, false);
			ids.add(this.cases.report(report, operator, null).view().id());
		}
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CityOpsApplication.class,
				MutableClock.Config.class)
			.run("--spring.datasource.url=" + this.dataSource.getJdbcUrl(), "--spring.datasource.username=postgres",
					"--cityops.demo=false", "--server.port=0", "--cityops.cases.sweep-interval=1h",
					"--cityops.cases.escalate-after=8h", "--spring.main.allow-bean-definition-overriding=true")) {
			DeadlineSweeper other = second.getBean(DeadlineSweeper.class);
			// registration is due within 2 working hours; two working days later it is
			// long overdue
			MutableClock.INSTANCE.advance(Duration.ofDays(2));
			int[] totals = sweepTogether(this.sweeper, other);
			assertThat(totals[0]).as("cases marked overdue by both instances together").isEqualTo(60);
			assertThat(totals[1]).as("cases escalated by both instances together").isEqualTo(60);
			int[] again = sweepTogether(this.sweeper, other);
			assertThat(again[0] + again[1]).as("a second pass finds nothing new").isZero();
		}
		for (long id : ids) {
			assertThat(count(id, "overdue")).as("overdue entries of case %d", id).isEqualTo(1);
			assertThat(count(id, "escalate")).as("escalations of case %d", id).isEqualTo(1);
		}
		assertThat(this.cases.view(ids.get(0)).level()).isEqualTo(Level.TOWN);
		assertThat(this.cases.view(ids.get(0)).deadlines().stageOverdue()).isTrue();
	}

	private long count(long id, String action) {
		return this.jdbc.sql("select count(*) from case_history where case_id = ? and action = ?")
			.params(id, action)
			.query(Long.class)
			.single();
	}

	private static int[] sweepTogether(DeadlineSweeper a, DeadlineSweeper b) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<int[]> runA = () -> {
				start.await();
				return a.sweep();
			};
			Callable<int[]> runB = () -> {
				start.await();
				return b.sweep();
			};
			Future<int[]> fa = pool.submit(runA);
			Future<int[]> fb = pool.submit(runB);
			int[] ra = fa.get();
			int[] rb = fb.get();
			return new int[] { ra[0] + rb[0], ra[1] + rb[1] };
		}
		finally {
			pool.shutdown();
		}
	}

}
