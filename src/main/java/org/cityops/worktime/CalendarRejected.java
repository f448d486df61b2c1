package org.cityops.worktime;

import java.util.List;

/**
 * A calendar file with problems; nothing was loaded.
 */
public class CalendarRejected extends RuntimeException {

	private final List<String> problems;

	CalendarRejected(List<String> problems) {
		super(problems.size() + " problem(s) in the calendar file; nothing was loaded", null, false, false);
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
