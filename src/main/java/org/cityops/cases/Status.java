package org.cityops.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands, and the one table of which status may follow which. Suspension
 * returns to the status the case was suspended from, so SUSPENDED's successors are
 * decided by the case, not here.
 */
public enum Status {

	REPORTED, REGISTERED, REJECTED, DISPATCHED, RETURNED, ACCEPTED, HANDLED, REWORK, VERIFIED, CLOSED, SUSPENDED,
	CANCELLED, MERGED;

	Set<Status> next() {
		return switch (this) {
			case REPORTED -> EnumSet.of(REGISTERED, REJECTED, CANCELLED, MERGED);
			case REGISTERED -> EnumSet.of(DISPATCHED, CANCELLED, SUSPENDED);
			case DISPATCHED -> EnumSet.of(ACCEPTED, RETURNED, DISPATCHED, CANCELLED, SUSPENDED);
			case RETURNED -> EnumSet.of(DISPATCHED, CANCELLED, SUSPENDED);
			case ACCEPTED, REWORK -> EnumSet.of(HANDLED, CANCELLED, SUSPENDED);
			case HANDLED -> EnumSet.of(VERIFIED, REWORK, SUSPENDED);
			case VERIFIED -> EnumSet.of(CLOSED);
			case SUSPENDED -> EnumSet.noneOf(Status.class);
			case CLOSED, REJECTED, CANCELLED, MERGED -> EnumSet.noneOf(Status.class);
		};
	}

	boolean isOpen() {
		return this != CLOSED && this != REJECTED && this != CANCELLED && this != MERGED;
	}

	boolean canBecome(Status target) {
		return next().contains(target);
	}

}
