package org.cityops.dashboard;

/** A request the dashboard cannot answer as asked (a 4xx). */
public class DashboardProblem extends RuntimeException {

	DashboardProblem(String message) {
		super(message, null, false, false);
	}

	public static DashboardProblem invalid(String message) {
		return new DashboardProblem(message);
	}

}
