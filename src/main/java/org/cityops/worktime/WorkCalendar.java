package org.cityops.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arithmetic of working time over one snapshot of the calendar: immutable, so shared
 * by all threads. A date is a working day when the notices say so (调休上班), or when it is
 * Monday to Friday and not a holiday.
 */
final class WorkCalendar {

	/**
	 * Far enough for any deadline; a loop that gets here has met a calendar with no
	 * working day at all.
	 */
	private static final int MAX_DAYS = 366 * 50;

	private final WorkingHours hours;

	private final Map<LocalDate, CalendarDay> days;

	private final Set<Integer> years;

	WorkCalendar(WorkingHours hours, Collection<CalendarDay> days) {
		this.hours = hours;
		this.days = days.stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()));
		this.years = days.stream().map((d) -> d.date().getYear()).collect(Collectors.toUnmodifiableSet());
	}

	WorkingHours hours() {
		return this.hours;
	}

	boolean knowsYear(int year) {
		return this.years.contains(year);
	}

	boolean isWorkingDay(LocalDate date) {
		CalendarDay special = this.days.get(date);
		if (special != null) {
			return special.kind() == DayKind.WORKDAY;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The instant that lies {@code amount} of working time after {@code start}. */
	Instant plusWorkingTime(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("A deadline cannot lie before its start");
		}
		ZonedDateTime at = start.atZone(this.hours.zone());
		LocalDate date = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		long remaining = amount.toNanos();
		for (int i = 0; i < MAX_DAYS; i++) {
			if (isWorkingDay(date)) {
				for (LocalTime[] period : this.hours.periods()) {
					if (time.isBefore(period[1])) {
						LocalTime from = time.isAfter(period[0]) ? time : period[0];
						long available = Duration.between(from, period[1]).toNanos();
						if (remaining <= available) {
							return date.atTime(from.plusNanos(remaining)).atZone(this.hours.zone()).toInstant();
						}
						remaining -= available;
					}
				}
			}
			date = date.plusDays(1);
			time = LocalTime.MIN;
		}
		throw new IllegalStateException("No working time within 50 years of " + start + "; check the calendar");
	}

	/**
	 * The working time that lies between two instants (zero when {@code to} is not after
	 * {@code from}).
	 */
	Duration workingTimeBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		ZonedDateTime start = from.atZone(this.hours.zone());
		ZonedDateTime end = to.atZone(this.hours.zone());
		Duration total = Duration.ZERO;
		for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
			if (!isWorkingDay(date)) {
				continue;
			}
			for (LocalTime[] period : this.hours.periods()) {
				ZonedDateTime ps = date.atTime(period[0]).atZone(this.hours.zone());
				ZonedDateTime pe = date.atTime(period[1]).atZone(this.hours.zone());
				ZonedDateTime a = start.isAfter(ps) ? start : ps;
				ZonedDateTime b = end.isBefore(pe) ? end : pe;
				if (b.isAfter(a)) {
					total = total.plus(Duration.between(a, b));
				}
			}
		}
		return total;
	}

	/** Whether the instant falls inside working hours of a working day. */
	boolean isWorkingTime(Instant instant) {
		ZonedDateTime at = instant.atZone(this.hours.zone());
		if (!isWorkingDay(at.toLocalDate())) {
			return false;
		}
		LocalTime t = at.toLocalTime();
		return this.hours.periods().stream().anyMatch((p) -> !t.isBefore(p[0]) && t.isBefore(p[1]));
	}

}
