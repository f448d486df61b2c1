package org.cityops.organization;

import java.util.List;

/**
 * Where a staff member may see and act: the whole town, some areas, or some units; and
 * their department.
 */
public record StaffScope(String username, String departmentCode, String kind, List<String> places) {

	public static final String TOWN = "TOWN";

	public static final String AREA = "AREA";

	public static final String UNIT = "UNIT";

	/** Whether the scope covers a unit lying in the given area. */
	public boolean covers(String unitCode, String areaCode) {
		return switch (this.kind) {
			case TOWN -> true;
			case AREA -> this.places.contains(areaCode);
			case UNIT -> this.places.contains(unitCode);
			default -> false;
		};
	}

}
