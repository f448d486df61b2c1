package org.cityops.dashboard;

/**
 * A request the dashboard cannot answer as asked: a period or a figure that does not
 * exist (422).
 */
class DashboardProblem extends org.cityops.shared.Problem {

	DashboardProblem(String message) {
		super(Kind.INVALID, message);
	}

	public static DashboardProblem invalid(String message) {
		return new DashboardProblem(message);
	}

}
