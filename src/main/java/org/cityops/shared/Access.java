package org.cityops.shared;

/**
 * Who may call what, as method-security expressions shared by every module's controllers
 * ({@code @PreAuthorize(Access.DESK)}); the table in docs/security.md names them. What a
 * caller may then see of the data is its {@link Reach}, applied in the queries.
 */
public final class Access {

	/** Any staff account. */
	public static final String STAFF = "hasAnyRole('ADMIN','OPERATOR','LEADER','INSPECTOR','HANDLER','COMMITTEE')";

	/** Staff who do more than read: every role but LEADER. */
	public static final String WORKING_STAFF = "hasAnyRole('ADMIN','OPERATOR','INSPECTOR','HANDLER','COMMITTEE')";

	/** The town-wide desks: figures, rankings, reports, the big screen. */
	public static final String DESK = "hasAnyRole('ADMIN','OPERATOR','LEADER')";

	/** The operations centre and the administrator. */
	public static final String CENTRE = "hasAnyRole('ADMIN','OPERATOR')";

	/** Any staff account, or the 12345 centre's system with its key. */
	public static final String STAFF_OR_HOTLINE_KEY = STAFF + " or hasAuthority('SCOPE_hotline')";

	/** The town-wide desks, or the 12345 centre's system with its key (the export). */
	public static final String DESK_OR_HOTLINE_KEY = DESK + " or hasAuthority('SCOPE_hotline')";

	/** The operations centre, or the 12345 centre's system with its key. */
	public static final String CENTRE_OR_HOTLINE_KEY = "hasAnyRole('ADMIN','OPERATOR') or hasAuthority('SCOPE_hotline')";

	/** The administrator alone. */
	public static final String ADMIN = "hasRole('ADMIN')";

	/**
	 * The prefix of the authorities a sensors key holds, one per device or gateway id it
	 * posts readings for ({@code *}: every device).
	 */
	public static final String SENSORS_FOR = "SENSORS_FOR_";

	/** A machine client whose API key has the scope {@code sensors}. */
	public static final String SENSOR_KEY = "hasAuthority('SCOPE_sensors')";

	private Access() {
	}

}
