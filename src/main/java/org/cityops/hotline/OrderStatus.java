package org.cityops.hotline;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands, and the one table of which status may follow which.
 */
enum OrderStatus {

	/** Received from the centre; the operator confirms place and category. */
	RECEIVED,
	/** Its case is with a department: first contact and conclusion are due. */
	DISPATCHED,
	/**
	 * The department asks to send it back to the hotline centre; the operator decides.
	 */
	RETURN_REQUESTED,
	/** Sent back to the hotline centre (退单); a resent order opens it again. */
	RETURNED,
	/** Concluded with a reply to the caller; waiting for the callback. */
	CONCLUDED,
	/** The callback was dissatisfied: handled again within its own deadline (重办). */
	REHANDLING,
	/** The callback was satisfied; nothing more is owed. */
	CLOSED;

	Set<OrderStatus> next() {
		return switch (this) {
			case RECEIVED -> EnumSet.of(DISPATCHED);
			case DISPATCHED -> EnumSet.of(RETURN_REQUESTED, CONCLUDED);
			case RETURN_REQUESTED -> EnumSet.of(RETURNED, DISPATCHED);
			case RETURNED -> EnumSet.of(RECEIVED);
			case CONCLUDED -> EnumSet.of(CLOSED, REHANDLING);
			case REHANDLING -> EnumSet.of(CONCLUDED);
			case CLOSED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	boolean canBecome(OrderStatus target) {
		return next().contains(target);
	}

	/** Whether the town still owes the caller something. */
	public boolean isOpen() {
		return this != RETURNED && this != CLOSED;
	}

	/** Whether a department is working on it now. */
	boolean isWithDepartment() {
		return this == DISPATCHED || this == REHANDLING || this == RETURN_REQUESTED;
	}

}
