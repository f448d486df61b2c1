package org.cityops.cases;

import org.cityops.organization.StaffScope;
import org.cityops.shared.Role;

/**
 * Who does something to a case: a staff member with a role, a department and a scope
 * (null scope: none assigned).
 */
public record Actor(String username, Role role, StaffScope scope) {

	String department() {
		return (this.scope != null) ? this.scope.departmentCode() : null;
	}

	boolean covers(String unitCode, String areaCode) {
		return this.role == Role.ADMIN || (this.scope != null && this.scope.covers(unitCode, areaCode));
	}

}
