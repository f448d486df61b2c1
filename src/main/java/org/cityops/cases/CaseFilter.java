package org.cityops.cases;

/**
 * Filters for the case list; null means any.
 */
record CaseFilter(String status, Boolean overdue, Boolean open, Boolean supervised, String category, String area,
		String unit, String channel, String department) {

}
