package org.cityops.cases;

import java.time.Duration;
import java.time.Instant;

import org.cityops.MutableClock;
import org.cityops.worktime.WorkingTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspended case (挂账) does not run out of time: on resuming, its stage and handling
 * deadlines have the working time left that they had when it was suspended, and the
 * sweeper finds nothing overdue. (The same context as the sweeper's test, so that it is
 * started once.)
 */
@SpringBootTest(properties = { "cityops.cases.sweep-interval=1h", "cityops.cases.escalate-after=8h" })
@Import(MutableClock.Config.class)
class SuspensionStopsTheClockTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	DeadlineSweeper sweeper;

	@Autowired
	WorkingTime workingTime;

	@Test
	void resumingGivesBackTheWorkingTimeLeftWhenTheCaseWasSuspended() {
		// Wednesday 10:00 in Shanghai
		MutableClock.INSTANCE.set(Instant.parse("2026-03-11T02:00:00Z"));
		Actor operator = this.cases.actor("operator", org.cityops.shared.Role.OPERATOR);
		long id = this.cases
			.report(new NewCase("OTHER", "06001", "挂账测试", 121.391, 31.281, null, null, false), operator, null)
			.view()
			.id();
		this.cases.act(id, Action.REGISTER, CaseCommand.none(), operator);
		CaseView dispatched = this.cases.act(id, Action.DISPATCH, CaseCommand.none(), operator);
		MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
		Instant suspendedAt = MutableClock.INSTANCE.instant();
		CaseView suspended = this.cases.act(id, Action.SUSPEND,
				new CaseCommand("等待产权单位答复", null, null, null, null, null), operator);
		Instant stageBefore = suspended.deadlines().stageDeadline();
		Instant handlingBefore = suspended.deadlines().handlingDeadline();
		assertThat(stageBefore).isEqualTo(dispatched.deadlines().stageDeadline());
		Duration stageLeft = this.workingTime.workingTimeBetween(suspendedAt, stageBefore);
		Duration handlingLeft = this.workingTime.workingTimeBetween(suspendedAt, handlingBefore);
		assertThat(stageLeft).isPositive();

		// two weeks suspended: both deadlines pass meanwhile, but nothing is overdue
		MutableClock.INSTANCE.advance(Duration.ofDays(14));
		this.sweeper.sweep();
		Instant resumedAt = MutableClock.INSTANCE.instant();
		CaseView resumed = this.cases.act(id, Action.RESUME, CaseCommand.none(), operator);
		assertThat(resumed.status()).isEqualTo(Status.DISPATCHED);
		assertThat(resumed.deadlines().stageDeadline()).isAfter(resumedAt)
			.isEqualTo(this.workingTime.plusWorkingTime(resumedAt, stageLeft));
		assertThat(resumed.deadlines().handlingDeadline())
			.isEqualTo(this.workingTime.plusWorkingTime(resumedAt, handlingLeft));
		this.sweeper.sweep();
		assertThat(this.cases.view(id).deadlines().stageOverdue()).as("overdue after resuming").isFalse();
		assertThat(this.cases.view(id).history()).extracting(HistoryEntry::action).doesNotContain("overdue");
	}

}
