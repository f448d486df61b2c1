package org.cityops.worktime;

import java.time.LocalDate;

/**
 * One date of the official calendar that differs from the ordinary week.
 */
record CalendarDay(LocalDate date, DayKind kind, String name) {

}
