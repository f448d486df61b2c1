package org.cityops.cases;

import org.cityops.organization.StaffScope;
import org.cityops.shared.Reach;
import org.cityops.shared.Role;

/**
 * Who does something to a case: a staff member with a role, a department and a scope
 * (null scope: none assigned), and what they may read ({@link Reach}).
 */
public record Actor(String username, Role role, StaffScope scope, Reach reach) {

	public Actor {
		reach = (reach != null) ? reach : Reach.none();
	}

	String department() {
		return (this.scope != null) ? this.scope.departmentCode() : null;
	}

	boolean covers(String unitCode, String areaCode) {
		return this.role == Role.ADMIN || (this.scope != null && this.scope.covers(unitCode, areaCode));
	}

}
