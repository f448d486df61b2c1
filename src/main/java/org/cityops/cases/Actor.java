package org.cityops.cases;

import org.cityops.organization.StaffScope;
import org.cityops.shared.Reach;
import org.cityops.shared.Role;

/**
 * Who does something to a case: a signed-in staff member with a role, a department and a
 * scope (null scope: none assigned) and what they may read ({@link Reach}); or the
 * platform's own work ({@link #system}), which has no staff role at all.
 * <p>
 * Only the cases module makes staff actors — from the signed-in principal
 * ({@link CaseManagement#signedIn}) or from an account as it is stored
 * ({@link CaseManagement#account}) — so that no other module can give itself more rights
 * than an account has.
 */
public final class Actor {

	private final String username;

	private final Role role;

	private final StaffScope scope;

	private final Reach reach;

	Actor(String username, Role role, StaffScope scope, Reach reach) {
		this.username = username;
		this.role = role;
		this.scope = scope;
		this.reach = (reach != null) ? reach : Reach.none();
	}

	/**
	 * The platform's own work, named for the history (a sweeper, an alarm, the 12345
	 * centre's system): it reads every case, reports cases, registers and dispatches them
	 * and records a 12345 caller's verdict, and nothing a person does — it does not
	 * handle, verify, close, supervise or administer anything.
	 */
	public static Actor system(String purpose) {
		return new Actor(purpose, null, null, Reach.all());
	}

	public String username() {
		return this.username;
	}

	/** The staff role, or null for the platform's own work. */
	public Role role() {
		return this.role;
	}

	public StaffScope scope() {
		return this.scope;
	}

	public Reach reach() {
		return this.reach;
	}

	/** Whether this is the platform's own work rather than a staff member. */
	public boolean isSystem() {
		return this.role == null;
	}

	/** The role as written in the history: the staff role, or SYSTEM. */
	String roleName() {
		return (this.role != null) ? this.role.name() : "SYSTEM";
	}

	String department() {
		return (this.scope != null) ? this.scope.departmentCode() : null;
	}

	boolean covers(String unitCode, String areaCode) {
		return this.role == Role.ADMIN || isSystem() || (this.scope != null && this.scope.covers(unitCode, areaCode));
	}

	@Override
	public String toString() {
		return this.username + " (" + roleName() + ")";
	}

}
