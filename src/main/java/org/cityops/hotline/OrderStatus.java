package org.cityops.hotline;

import java.util.Set;

/**
 * Where an order stands. Which status may follow which is the action table
 * ({@link OrderAction}).
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

	/**
	 * The statuses that may follow, by the order's action table ({@link OrderAction}).
	 */
	Set<OrderStatus> next() {
		return OrderAction.targets(this);
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
