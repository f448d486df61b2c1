package org.cityops.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. Which status may follow which is the actions' table
 * ({@link Action}); resuming returns to the status the case was suspended from.
 */
public enum Status {

	REPORTED, REGISTERED, REJECTED, DISPATCHED, RETURNED, ACCEPTED, HANDLED, REWORK, VERIFIED, CLOSED, SUSPENDED,
	CANCELLED, MERGED;

	/** The statuses of a case not yet finished. */
	static final Set<Status> OPEN = EnumSet.of(REPORTED, REGISTERED, DISPATCHED, RETURNED, ACCEPTED, HANDLED, REWORK,
			VERIFIED, SUSPENDED);

	/** The statuses that may follow, by the actions' table ({@link Action}). */
	Set<Status> next() {
		return Action.targets(this);
	}

	boolean isOpen() {
		return OPEN.contains(this);
	}

	boolean canBecome(Status target) {
		return next().contains(target);
	}

}
