package org.cityops.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as the API and pages show it: its state, where it is, who has it, its deadlines,
 * what may be done now and (for one case) its history.
 */
public record CaseView(long id, String number, Status status, Channel channel, String categoryCode, String categoryName,
		String description, Place location, String departmentCode, Level level, String reporter,
		boolean simpleProcedure, boolean supervised, Long likelyDuplicateOf, Long mergedInto, Deadlines deadlines,
		Integer postponeRequestedDays, Level resolvedLevel, Instant reportedAt, Instant closedAt,
		List<String> allowedActions, List<HistoryEntry> history) {

	/** Where the case is, on the grid version it was located on. */
	public record Place(double lon, double lat, String address, long gridVersion, String unit, String block,
			String area, String town, String committee, String compound) {
	}

	/**
	 * The current stage's deadline, the handling deadline, and whether the current stage
	 * is overdue.
	 */
	public record Deadlines(Stage stage, Instant stageDeadline, Instant handlingDeadline, boolean stageOverdue,
			boolean everOverdue) {
	}

	static CaseView of(Case c, String categoryName, List<HistoryEntry> history) {
		return new CaseView(c.id, c.number, c.status, c.channel, c.categoryCode, categoryName, c.description,
				new Place(c.lon, c.lat, c.address, c.gridVersion, c.unitCode, c.blockCode, c.areaCode, c.townCode,
						c.committeeCode, c.compoundCode),
				c.departmentCode, c.level, c.reporter, c.simpleProcedure, c.supervised, c.likelyDuplicateOf,
				c.mergedInto,
				new Deadlines(Stage.of(c.status), c.stageDeadline, c.handlingDeadline, c.stageOverdue, c.everOverdue),
				c.postponeRequestedDays, c.resolvedLevel, c.reportedAt, c.closedAt, Action.allowedNow(c), history);
	}

}
