package org.cityops.worktime;

import java.util.List;

/**
 * A calendar file with problems; nothing was loaded.
 */
class CalendarRejected extends org.cityops.shared.Problem {

	private final List<String> problems;

	CalendarRejected(List<String> problems) {
		super(Kind.INVALID, problems.size() + " problem(s) in the calendar file; nothing was loaded");
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

	@Override
	public String title() {
		return "Calendar file rejected";
	}

	@Override
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of("problems", this.problems);
	}

}
