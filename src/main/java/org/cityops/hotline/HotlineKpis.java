package org.cityops.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hotline's figures for a period of receipt, for the town and per department, as the
 * hotline centre evaluates them:
 * <ul>
 * <li>first-contact rate: orders contacted by the deadline / orders whose first contact
 * is done or overdue;</li>
 * <li>on-time conclusion rate: orders first concluded by the deadline / orders concluded
 * or overdue;</li>
 * <li>resolution and satisfaction rates: callbacks with the problem solved / with no 不满意
 * rating, over all callbacks;</li>
 * <li>return rate: orders returned to the centre / orders received;</li>
 * <li>re-handling rate: concluded orders with a dissatisfied callback / concluded
 * orders.</li>
 * </ul>
 * A rate with nothing to count is null, not 100%.
 */
@Service
public class HotlineKpis {

	private final JdbcClient jdbc;

	private final Clock clock;

	HotlineKpis(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The counts behind the rates, and the rates (0 to 1). */
	public record Row(String department, long received, long contactDue, long contactedOnTime, long concludeDue,
			long concludedOnTime, long callbacks, long solved, long satisfied, long returned, long concluded,
			long rehandled) {

		@JsonProperty
		public Double firstContactRate() {
			return rate(this.contactedOnTime, this.contactDue);
		}

		@JsonProperty
		public Double onTimeConclusionRate() {
			return rate(this.concludedOnTime, this.concludeDue);
		}

		@JsonProperty
		public Double resolutionRate() {
			return rate(this.solved, this.callbacks);
		}

		@JsonProperty
		public Double satisfactionRate() {
			return rate(this.satisfied, this.callbacks);
		}

		@JsonProperty
		public Double returnRate() {
			return rate(this.returned, this.received);
		}

		@JsonProperty
		public Double rehandlingRate() {
			return rate(this.rehandled, this.concluded);
		}

		/** The six rates by name, for pages. */
		@JsonIgnore
		public java.util.Map<String, Double> rates() {
			java.util.Map<String, Double> rates = new java.util.LinkedHashMap<>();
			rates.put("firstContactRate", firstContactRate());
			rates.put("onTimeConclusionRate", onTimeConclusionRate());
			rates.put("resolutionRate", resolutionRate());
			rates.put("satisfactionRate", satisfactionRate());
			rates.put("returnRate", returnRate());
			rates.put("rehandlingRate", rehandlingRate());
			return rates;
		}

		private static Double rate(long part, long whole) {
			return (whole == 0) ? null : Math.round(part * 10000.0 / whole) / 10000.0;
		}

	}

	/** The town's figures and each department's. */
	public record Report(Instant from, Instant to, Row town, List<Row> departments) {
	}

	public Report report(Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw HotlineProblem.invalid("Give a period: from before to");
		}
		List<Row> rows = this.jdbc.sql("""
				with o as (
				  select o.*,
				         (select count(*) from hotline_callback c where c.order_id = o.id) as callbacks,
				         (select count(*) from hotline_callback c where c.order_id = o.id and c.solved) as solved,
				         (select count(*) from hotline_callback c where c.order_id = o.id
				            and 'DISSATISFIED' not in (c.efficiency, c.attitude, c.result)) as satisfied
				    from hotline_order o
				   where o.received_at >= :from and o.received_at < :to
				)
				select coalesce(department_code, '') as department,
				       count(*) as received,
				       -- due once its deadline has passed, confirmed or not: an order the centre never
				       -- confirmed is as late for the caller as one a department forgot
				       count(*) filter (where first_contact_at is not null
				                          or (status <> 'RETURNED' and first_contact_due < :now))
				         as contact_due,
				       count(*) filter (where first_contact_at <= first_contact_due) as contacted_on_time,
				       count(*) filter (where first_concluded_at is not null
				                          or (status <> 'RETURNED' and conclude_due < :now))
				         as conclude_due,
				       count(*) filter (where concluded_on_time) as concluded_on_time,
				       coalesce(sum(callbacks), 0) as callbacks,
				       coalesce(sum(solved), 0) as solved,
				       coalesce(sum(satisfied), 0) as satisfied,
				       count(*) filter (where status = 'RETURNED') as returned,
				       count(*) filter (where first_concluded_at is not null) as concluded,
				       count(*) filter (where first_concluded_at is not null and callbacks > satisfied) as rehandled
				  from o
				 group by grouping sets ((department_code), ())
				 order by grouping(department_code) desc, department_code""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, i) -> new Row(rs.getString("department"), rs.getLong("received"), rs.getLong("contact_due"),
					rs.getLong("contacted_on_time"), rs.getLong("conclude_due"), rs.getLong("concluded_on_time"),
					rs.getLong("callbacks"), rs.getLong("solved"), rs.getLong("satisfied"), rs.getLong("returned"),
					rs.getLong("concluded"), rs.getLong("rehandled")))
			.list();
		// the empty grouping set always answers one row: the town's
		return new Report(from, to, rows.get(0), rows.subList(1, rows.size()));
	}

}
