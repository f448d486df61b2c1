package org.cityops.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many of the selected cases reached each point, and the rates made of them (a rate
 * with nothing to count is null, not 100 %). Formulas: {@code docs/kpis.md}.
 */
public record CaseCounts(long reported, long registered, long registeredOnTime, long rejected, long simple,
		long dispatched, long dispatchedOnTime, long handled, long handledOnTime, long verified, long verifiedOnTime,
		long closed, long closedOnTime, long reworked, long returned, long closedCommittee, long closedGrid,
		long closedTown, long closedDistrict, long open, long openOverdue, long openSupervised) {

	/** Nothing counted. */
	static final CaseCounts NONE = new CaseCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** The counts of two disjoint sets of cases together. */
	CaseCounts plus(CaseCounts o) {
		return new CaseCounts(this.reported + o.reported, this.registered + o.registered,
				this.registeredOnTime + o.registeredOnTime, this.rejected + o.rejected, this.simple + o.simple,
				this.dispatched + o.dispatched, this.dispatchedOnTime + o.dispatchedOnTime, this.handled + o.handled,
				this.handledOnTime + o.handledOnTime, this.verified + o.verified,
				this.verifiedOnTime + o.verifiedOnTime, this.closed + o.closed, this.closedOnTime + o.closedOnTime,
				this.reworked + o.reworked, this.returned + o.returned, this.closedCommittee + o.closedCommittee,
				this.closedGrid + o.closedGrid, this.closedTown + o.closedTown, this.closedDistrict + o.closedDistrict,
				this.open + o.open, this.openOverdue + o.openOverdue, this.openSupervised + o.openSupervised);
	}

	static CaseCounts read(ResultSet rs, int row) throws SQLException {
		return new CaseCounts(rs.getLong("reported"), rs.getLong("registered"), rs.getLong("registered_on_time"),
				rs.getLong("rejected"), rs.getLong("simple"), rs.getLong("dispatched"),
				rs.getLong("dispatched_on_time"), rs.getLong("handled"), rs.getLong("handled_on_time"),
				rs.getLong("verified"), rs.getLong("verified_on_time"), rs.getLong("closed"),
				rs.getLong("closed_on_time"), rs.getLong("reworked"), rs.getLong("returned"),
				rs.getLong("closed_committee"), rs.getLong("closed_grid"), rs.getLong("closed_town"),
				rs.getLong("closed_district"), rs.getLong("open"), rs.getLong("open_overdue"),
				rs.getLong("open_supervised"));
	}

	/**
	 * Standard-procedure cases (标准流程): registered the usual way, not closed on the spot.
	 * The town reports them apart from the simple-procedure ones, and every workflow rate
	 * below is over them.
	 */
	public long standard() {
		return this.registered - this.simple;
	}

	/**
	 * Every rate by its name in {@code docs/kpis.md}, in percent with one decimal. The
	 * workflow rates count standard-procedure cases only, as Taopu's reports do (标准流程网格
	 * 案件 47460 件，结案率 86.5%; the 47272 simple-procedure cases apart): a simple-procedure
	 * case is by construction registered, closed on time and resolved at committee level
	 * ({@code Case.closeOnTheSpot}), so taking {@code simple} off those counts leaves the
	 * standard ones.
	 */
	public Map<String, Double> rates() {
		long standardReported = this.reported - this.simple;
		long standardClosed = this.closed - this.simple;
		Map<String, Double> r = new LinkedHashMap<>();
		r.put("registrationRate", rate(standard(), standardReported));
		r.put("onTimeRegistrationRate", rate(this.registeredOnTime - this.simple, standard()));
		r.put("dispatchRate", rate(this.dispatched, standard()));
		r.put("onTimeDispatchRate", rate(this.dispatchedOnTime, this.dispatched));
		r.put("handlingRate", rate(this.handled, this.dispatched));
		r.put("onTimeHandlingRate", rate(this.handledOnTime, this.handled));
		r.put("verificationRate", rate(this.verified, this.handled));
		r.put("onTimeVerificationRate", rate(this.verifiedOnTime, this.verified));
		r.put("closureRate", rate(standardClosed, standard()));
		r.put("onTimeClosureRate", rate(this.closedOnTime - this.simple, standardClosed));
		r.put("reworkRate", rate(this.reworked, this.handled));
		r.put("returnRate", rate(this.returned, this.dispatched));
		r.put("simpleProcedureShare", rate(this.simple, this.registered));
		r.put("resolvedAtCommitteeShare", rate(this.closedCommittee - this.simple, standardClosed));
		r.put("resolvedAtGridShare", rate(this.closedGrid, standardClosed));
		r.put("resolvedAtTownShare", rate(this.closedTown, standardClosed));
		r.put("resolvedAtDistrictShare", rate(this.closedDistrict, standardClosed));
		return r;
	}

	static Double rate(long part, long whole) {
		return (whole <= 0) ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

}
