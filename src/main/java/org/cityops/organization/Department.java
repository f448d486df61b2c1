package org.cityops.organization;

import org.cityops.shared.DepartmentKind;

/**
 * A unit that handles cases. {@code placeCode} is the area it serves (the 4+1 teams), the
 * committee it is, or null for town-wide departments.
 */
public record Department(String code, String name, DepartmentKind kind, String placeCode, boolean active) {

}
