package org.cityops.cases;

import java.time.Instant;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.worktime.DeadlineUnit;
import org.cityops.worktime.WorkingTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadline of each stage in working time: registering, dispatching, verifying and
 * closing take a configured number of working hours; handling takes the category's
 * deadline.
 */
@Component
class Deadlines {

	private final WorkingTime workingTime;

	private final Catalog catalog;

	private final int registerHours;

	private final int dispatchHours;

	private final int verifyHours;

	private final int closeHours;

	Deadlines(WorkingTime workingTime, Catalog catalog, @Value("${cityops.cases.register-hours:2}") int registerHours,
			@Value("${cityops.cases.dispatch-hours:1}") int dispatchHours,
			@Value("${cityops.cases.verify-hours:4}") int verifyHours,
			@Value("${cityops.cases.close-hours:2}") int closeHours) {
		this.workingTime = workingTime;
		this.catalog = catalog;
		this.registerHours = registerHours;
		this.dispatchHours = dispatchHours;
		this.verifyHours = verifyHours;
		this.closeHours = closeHours;
	}

	Instant stage(Stage stage, Instant from) {
		int hours = switch (stage) {
			case REGISTER -> this.registerHours;
			case DISPATCH -> this.dispatchHours;
			case VERIFY -> this.verifyHours;
			case CLOSE -> this.closeHours;
			case HANDLE -> throw new IllegalArgumentException("Handling deadlines come from the category");
		};
		return this.workingTime.plus(from, hours, DeadlineUnit.WORKING_HOURS);
	}

	Instant handling(String categoryCode, Instant from) {
		Category category = this.catalog.category(categoryCode)
			.orElseThrow(() -> CaseProblem.invalid("Unknown category " + categoryCode));
		return this.workingTime.plus(from, category.deadlineAmount(), category.deadlineUnit());
	}

	Instant extend(Instant deadline, int workingDays) {
		return this.workingTime.plus(deadline, workingDays, DeadlineUnit.WORKING_DAYS);
	}

	/**
	 * A deadline after a suspension from {@code suspendedAt} until {@code now}: the
	 * working time it had left then, from now on; a deadline that had already passed (or
	 * none) stays as it was.
	 */
	Instant resumed(Instant deadline, Instant suspendedAt, Instant now) {
		if (deadline == null || !deadline.isAfter(suspendedAt)) {
			return deadline;
		}
		return this.workingTime.plusWorkingTime(now, this.workingTime.workingTimeBetween(suspendedAt, deadline));
	}

}
