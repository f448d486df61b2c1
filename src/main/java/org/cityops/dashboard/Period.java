package org.cityops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A period as people give it: {@code month=2026-11}, or {@code from}/{@code to} as dates
 * (the town's days, {@code to} included) or instants ({@code to} excluded); nothing given
 * means this month so far.
 */
final class Period {

	private Period() {
	}

	/** [from, to) of what was given. */
	public static Instant[] of(String month, String from, String to, ZoneId zone, Instant now) {
		if (month != null && !month.isBlank()) {
			YearMonth m = parse(month, YearMonth::parse, "month", "2026-11");
			inWindow(m.atDay(1).atStartOfDay(zone).toInstant());
			return new Instant[] { m.atDay(1).atStartOfDay(zone).toInstant(),
					m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant() };
		}
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			LocalDate today = LocalDate.ofInstant(now, zone);
			return new Instant[] { today.withDayOfMonth(1).atStartOfDay(zone).toInstant(),
					today.plusDays(1).atStartOfDay(zone).toInstant() };
		}
		if (from == null || from.isBlank() || to == null || to.isBlank()) {
			throw DashboardProblem.invalid("Give both from and to (or month=YYYY-MM)");
		}
		Instant start = inWindow(instant(from, zone, false));
		Instant end = inWindow(instant(to, zone, true));
		try {
			org.cityops.shared.Dates.requireSpan(start, end, "A period");
		}
		catch (IllegalArgumentException ex) {
			throw DashboardProblem.invalid(ex.getMessage());
		}
		return new Instant[] { start, end };
	}

	private static Instant inWindow(Instant instant) {
		try {
			return org.cityops.shared.Dates.require(instant, "The period's day");
		}
		catch (IllegalArgumentException ex) {
			throw DashboardProblem.invalid(ex.getMessage());
		}
	}

	private static Instant instant(String value, ZoneId zone, boolean end) {
		String v = value.strip();
		if (v.length() == 10) {
			LocalDate day = parse(v, LocalDate::parse, "date", "2026-11-30");
			return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
		}
		return parse(v, Instant::parse, "instant", "2026-11-30T16:00:00Z");
	}

	private static <T> T parse(String value, java.util.function.Function<String, T> parser, String what,
			String example) {
		try {
			return parser.apply(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw DashboardProblem.invalid("'" + value + "' is not a " + what + " like " + example);
		}
	}

}
