package org.cityops.worktime;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the official calendar as CSV ({@code date,kind,name}; kind {@code holiday} or
 * {@code workday}) and checks it: dates well-formed and unique, adjusted working days
 * only on weekends. Any problem rejects the whole file.
 */
final class CalendarFile {

	private CalendarFile() {
	}

	/** The special dates by year. */
	static TreeMap<Integer, List<CalendarDay>> read(byte[] content) {
		if (content == null || content.length == 0) {
			throw new CalendarRejected(List.of("The file is empty; send CSV lines date,kind,name"));
		}
		List<List<String>> rows;
		try {
			rows = org.cityops.shared.Csv.read(new String(content, StandardCharsets.UTF_8), 100_000);
		}
		catch (IllegalArgumentException ex) {
			throw new CalendarRejected(List.of("The CSV file is broken (a quote that is never closed?)"));
		}
		if (rows == null) {
			throw new CalendarRejected(List.of("The file has more than 100,000 lines"));
		}
		List<String> problems = new ArrayList<>();
		TreeMap<Integer, List<CalendarDay>> byYear = new TreeMap<>();
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row.stream().allMatch(String::isBlank)
					|| (i == 0 && row.get(0).trim().toLowerCase(Locale.ROOT).startsWith("date"))) {
				continue;
			}
			// a name with an unquoted comma stays one name
			String[] cells = (row.size() > 3)
					? new String[] { row.get(0), row.get(1), String.join(",", row.subList(2, row.size())) }
					: row.toArray(String[]::new);
			String where = "Line " + (i + 1) + ": ";
			if (cells.length < 2) {
				problems.add(where + "expected date,kind,name");
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(cells[0].trim());
			}
			catch (DateTimeParseException ex) {
				problems.add(where + "'" + cells[0].trim() + "' is not a date like 2026-10-01");
				continue;
			}
			if (date.isBefore(org.cityops.shared.Dates.FIRST) || date.isAfter(org.cityops.shared.Dates.LAST)) {
				problems.add(where + date + " is outside " + org.cityops.shared.Dates.FIRST + " … "
						+ org.cityops.shared.Dates.LAST);
				continue;
			}
			DayKind kind = switch (cells[1].trim().toLowerCase(Locale.ROOT)) {
				case "holiday" -> DayKind.HOLIDAY;
				case "workday" -> DayKind.WORKDAY;
				default -> null;
			};
			if (kind == null) {
				problems.add(where + "kind '" + cells[1].trim() + "' must be holiday or workday");
				continue;
			}
			if (!seen.add(date)) {
				problems.add(where + date + " appears twice");
				continue;
			}
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (kind == DayKind.WORKDAY && !weekend) {
				problems.add(where + date + " is a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
						+ "; an adjusted working day (调休上班) falls on a weekend");
				continue;
			}
			String name = (cells.length > 2 && !cells[2].isBlank()) ? cells[2].trim() : kind.name();
			byYear.computeIfAbsent(date.getYear(), (y) -> new ArrayList<>()).add(new CalendarDay(date, kind, name));
		}
		if (!problems.isEmpty()) {
			throw new CalendarRejected(problems);
		}
		if (byYear.isEmpty()) {
			throw new CalendarRejected(List.of("The file has no dates"));
		}
		return byYear;
	}

}
