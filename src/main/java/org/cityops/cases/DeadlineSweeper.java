package org.cityops.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.cityops.worktime.WorkingTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks stages whose deadline has passed, and escalates cases overdue by more than a
 * threshold of working time. Safe with any number of instances on one database: each case
 * row is locked with SKIP LOCKED and the change is conditional on the row's state, so
 * every deadline fires exactly once.
 */
@Component
class DeadlineSweeper {

	private final Cases cases;

	private final CaseManagement management;

	private final WorkingTime workingTime;

	private final Clock clock;

	private final Duration escalateAfter;

	DeadlineSweeper(Cases cases, CaseManagement management, WorkingTime workingTime, Clock clock,
			@Value("${cityops.cases.escalate-after:8h}") Duration escalateAfter) {
		this.cases = cases;
		this.management = management;
		this.workingTime = workingTime;
		this.clock = clock;
		this.escalateAfter = escalateAfter;
	}

	/** One pass; answers how many cases it marked overdue and how many it escalated. */
	@Scheduled(fixedDelayString = "${cityops.cases.sweep-interval:30s}",
			initialDelayString = "${cityops.cases.sweep-interval:30s}")
	@Transactional
	public int[] sweep() {
		Instant now = this.clock.instant();
		int overdue = 0;
		for (Case c : this.cases.lockOverdue(now, 500)) {
			c.markOverdue(now);
			this.management.save(c);
			overdue++;
		}
		int escalated = 0;
		for (Case c : this.cases.lockEscalationCandidates(now, 500)) {
			if (this.workingTime.workingTimeBetween(c.stageDeadline, now).compareTo(this.escalateAfter) >= 0) {
				c.escalateForOverdue(now);
				this.management.save(c);
				escalated++;
			}
		}
		return new int[] { overdue, escalated };
	}

}
