package org.cityops.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The window of dates the platform takes: 2000-01-01 to 2099-12-31, and periods of at
 * most ten years. A date outside is a typing error (year 0, 20266), not data; refusing it
 * keeps arithmetic in range and every query and calendar walk short.
 */
public final class Dates {

	public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

	public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

	/** The longest period a query or a calculation spans. */
	public static final Duration LONGEST_SPAN = Duration.ofDays(3660);

	private Dates() {
	}

	/** The date, if in the window; else an {@link IllegalArgumentException} naming it. */
	public static LocalDate require(LocalDate date, String what) {
		if (date.isBefore(FIRST) || date.isAfter(LAST)) {
			throw new IllegalArgumentException(what + " " + date + " is outside " + FIRST + " … " + LAST);
		}
		return date;
	}

	/** The instant, if its UTC day is in the window. */
	public static Instant require(Instant instant, String what) {
		if (instant.isBefore(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
				|| !instant.isBefore(LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
			throw new IllegalArgumentException(what + " " + instant + " is outside " + FIRST + " … " + LAST);
		}
		return instant;
	}

	/** The year, if in the window. */
	public static int requireYear(int year, String what) {
		if (year < FIRST.getYear() || year > LAST.getYear()) {
			throw new IllegalArgumentException(
					what + " " + year + " is outside " + FIRST.getYear() + " … " + LAST.getYear());
		}
		return year;
	}

	/** Refuses a period longer than {@link #LONGEST_SPAN}. */
	public static void requireSpan(Instant from, Instant to, String what) {
		if (Duration.between(from, to).abs().compareTo(LONGEST_SPAN) > 0) {
			throw new IllegalArgumentException(what + " spans at most ten years");
		}
	}

}
