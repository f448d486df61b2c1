package org.cityops.demo;

import org.cityops.cases.CaseManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the history generator at start, in demo mode only:
 * {@code --cityops.history.days=N} generates the N days up to today (then the platform
 * runs as usual); else an empty case table gets
 * {@code cityops.dashboard.demo-history-days} (30) days of history in the background, so
 * that the big screen and the KPIs have something to show.
 */
@Component
@ConditionalOnProperty(name = "cityops.demo", havingValue = "true", matchIfMissing = true)
class HistoryCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HistoryCommand.class);

	private final HistoryGenerator generator;

	private final CaseManagement cases;

	private final Clock clock;

	private final ZoneId zone;

	private final int days;

	private final int demoDays;

	HistoryCommand(HistoryGenerator generator, CaseManagement cases, Clock clock,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone, @Value("${cityops.history.days:0}") int days,
			@Value("${cityops.dashboard.demo-history-days:30}") int demoDays) {
		this.generator = generator;
		this.cases = cases;
		this.clock = clock;
		this.zone = zone;
		this.days = days;
		this.demoDays = demoDays;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		if (this.days > 0) {
			this.generator.generate(today.minusDays(this.days - 1L), today, this.days);
			return;
		}
		if (this.demoDays > 0 && !this.cases.anyCase()) {
			Thread thread = new Thread(() -> {
				try {
					this.generator.generate(today.minusDays(this.demoDays - 1L), today, 42);
				}
				catch (RuntimeException ex) {
					log.warn("The demo history could not be generated: {}", ex.getMessage());
				}
			}, "demo-history");
			thread.setDaemon(true);
			thread.start();
			log.info("Generating {} days of demo case history in the background", this.demoDays);
		}
	}

}
