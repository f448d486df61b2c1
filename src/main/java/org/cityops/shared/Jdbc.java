package org.cityops.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The two conversions every repository needs between instants and {@code timestamptz}
 * columns, null-safe both ways.
 */
public final class Jdbc {

	private Jdbc() {
	}

	/** The instant as a JDBC parameter (null stays null). */
	public static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/** The column as an instant (SQL null: null). */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
