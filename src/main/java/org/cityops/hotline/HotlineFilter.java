package org.cityops.hotline;

/**
 * Which orders a list shows; null fields do not filter.
 *
 * @param open only orders the town still owes something
 * @param overdue only orders past a deadline not yet met
 * @param text part of the number, the content or the address
 */
record HotlineFilter(OrderStatus status, boolean open, OrderType type, String department, String text,
		boolean overdue) {

	public static HotlineFilter all() {
		return new HotlineFilter(null, false, null, null, null, false);
	}

}
