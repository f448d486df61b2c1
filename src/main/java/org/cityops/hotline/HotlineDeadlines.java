package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;

import org.cityops.worktime.DeadlineUnit;
import org.cityops.worktime.WorkingTime;

import org.springframework.stereotype.Component;

/**
 * The hotline's deadlines, counted in working time on the town's calendar.
 */
@Component
class HotlineDeadlines {

	private final WorkingTime workingTime;

	private final HotlineProperties limits;

	HotlineDeadlines(WorkingTime workingTime, HotlineProperties limits) {
		this.workingTime = workingTime;
		this.limits = limits;
	}

	Instant firstContact(Instant received, boolean urgent) {
		return urgent
				? this.workingTime.plus(received, this.limits.urgentFirstContactWorkingHours(),
						DeadlineUnit.WORKING_HOURS)
				: this.workingTime.plus(received, this.limits.firstContactWorkingDays(), DeadlineUnit.WORKING_DAYS);
	}

	/**
	 * The conclusion deadline: the centre's time limit if it gave one, else the type's.
	 */
	Instant conclusion(Instant received, OrderType type, Integer centreDays) {
		return this.workingTime.plus(received, conclusionDays(type, centreDays), DeadlineUnit.WORKING_DAYS);
	}

	int conclusionDays(OrderType type, Integer centreDays) {
		return (centreDays != null) ? centreDays : this.limits.conclusionWorkingDays().get(type);
	}

	Instant complex(Instant received) {
		return this.workingTime.plus(received, this.limits.complexWorkingDays(), DeadlineUnit.WORKING_DAYS);
	}

	Instant rehandle(Instant callback) {
		return this.workingTime.plus(callback, this.limits.rehandleWorkingDays(), DeadlineUnit.WORKING_DAYS);
	}

	/** Working time left until a deadline; negative when it has passed. */
	Duration left(Instant now, Instant deadline) {
		return deadline.isBefore(now) ? this.workingTime.workingTimeBetween(deadline, now).negated()
				: this.workingTime.workingTimeBetween(now, deadline);
	}

	boolean near(Instant now, Instant deadline) {
		Duration left = left(now, deadline);
		return !left.isNegative() && left.compareTo(Duration.ofHours(this.limits.warnBeforeWorkingHours())) <= 0;
	}

}
