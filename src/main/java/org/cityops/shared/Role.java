package org.cityops.shared;

/**
 * What a staff member does in CityOps. Each account has exactly one role.
 */
public enum Role {

	/** Configures the platform: grid, catalog, accounts. */
	ADMIN,
	/** Operations centre (城运中心): registers, dispatches, supervises and closes cases. */
	OPERATOR,
	/** Grid inspector (网格员): reports and verifies on site. */
	INSPECTOR,
	/** Department clerk: accepts, handles and feeds back. */
	HANDLER,
	/** Neighbourhood or village committee (居委/村委). */
	COMMITTEE,
	/** Town and district leaders: read-only, may supervise. */
	LEADER;

	public String authority() {
		return "ROLE_" + name();
	}

}
