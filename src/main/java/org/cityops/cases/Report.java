package org.cityops.cases;

/**
 * A report, already located on the grid and routed (the department, and its kind, which
 * says where on the ladder the case starts): what {@link Case#report} needs to open a
 * case.
 */
record Report(Channel channel, String categoryCode, String description, double lon, double lat, String address,
		long gridVersion, String unitCode, String blockCode, String areaCode, String townCode, String committeeCode,
		String compoundCode, String routedDepartment, org.cityops.shared.DepartmentKind routedKind) {

}
