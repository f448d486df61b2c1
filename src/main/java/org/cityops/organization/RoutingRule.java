package org.cityops.organization;

/**
 * Sends cases of a category (null: any) in a place (an area or unit code; null: anywhere)
 * to a department.
 */
record RoutingRule(long id, String categoryCode, String placeCode, String departmentCode) {

}
