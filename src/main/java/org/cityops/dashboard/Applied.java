package org.cityops.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;

/** The events already applied to the read models ({@code dash_applied}). */
final class Applied {

	private Applied() {
	}

	/**
	 * Remembers the key in the caller's transaction; false if it was there already (the
	 * event was applied before, or is being applied by a transaction that will win).
	 */
	static boolean once(JdbcTemplate jdbc, String key) {
		return jdbc.update("insert into dash_applied (event_key) values (?) on conflict do nothing", key) == 1;
	}

}
