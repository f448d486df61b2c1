package org.cityops.dashboard;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.cityops.cases.CaseEvent;
import org.cityops.cases.CaseHistory;
import org.cityops.sensors.SensorEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read models up to date from the events (each in its own transaction after the
 * publisher's commit, redelivered after a crash by the event publication registry), and
 * rebuilds the case read model from the case history on demand.
 */
@Service
class ReadModels {

	private static final Logger log = LoggerFactory.getLogger(ReadModels.class);

	private final CaseFacts cases;

	private final AlarmFacts alarms;

	private final CaseHistory history;

	private final KpiCube cube;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/**
	 * How far the case read model is behind: from a case event's time to its effect being
	 * applied (the listener's transaction commits right after). Events more than
	 * {@link #LIVE} old (a generated history) are not timed.
	 */
	private final Timer lag;

	private final Clock clock;

	private static final Duration LIVE = Duration.ofMinutes(10);

	ReadModels(CaseFacts cases, AlarmFacts alarms, CaseHistory history, KpiCube cube, JdbcTemplate jdbc,
			TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.lag = Timer.builder("cityops.dashboard.lag")
			.description("From a case event to its effect in the case read model")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(meters);
		this.cube = cube;
		this.cases = cases;
		this.alarms = alarms;
		this.history = history;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@ApplicationModuleListener
	void on(CaseEvent event) {
		if (this.cases.apply(event)) {
			Duration lag = Duration.between(event.at(), this.clock.instant());
			if (lag.compareTo(LIVE) < 0) {
				this.lag.record(lag);
			}
		}
	}

	@ApplicationModuleListener
	void on(SensorEvents.AlarmRaised event) {
		this.alarms.raised(event);
	}

	@ApplicationModuleListener
	void on(SensorEvents.AlarmCleared event) {
		this.alarms.cleared(event);
	}

	@ApplicationModuleListener
	void on(SensorEvents.AlarmConfirmed event) {
		this.alarms.confirmed(event);
	}

	/** What a rebuild did. */
	public record Rebuilt(long events, long cases) {
	}

	/**
	 * Drops the case read model and builds it again from the case history, in one
	 * transaction: readers see the old model until the new one is complete, and events
	 * that arrive meanwhile wait for it and are then recognised as applied. Every day is
	 * then dirty: KPIs read dash_case until the cube refresher has counted them again.
	 */
	public Rebuilt rebuildCases() {
		Rebuilt rebuilt = this.transactions.execute((tx) -> {
			this.jdbc.execute("lock table dash_case in exclusive mode");
			this.jdbc.update("delete from dash_case");
			this.jdbc.update("delete from dash_applied where event_key like 'case:%'");
			long events = this.history.replay((event) -> this.cases.apply(event, false));
			this.cube.markAllDays();
			Long count = this.jdbc.queryForObject("select count(*) from dash_case", Long.class);
			return new Rebuilt(events, (count != null) ? count : 0);
		});
		log.info("Rebuilt the case read model from the history: {} events, {} cases", rebuilt.events(),
				rebuilt.cases());
		return rebuilt;
	}

}
