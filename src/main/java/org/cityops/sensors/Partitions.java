package org.cityops.sensors;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readings live in one partition per day (UTC). Partitions exist from the oldest day a
 * reading may carry (7 days back) to two days ahead; those older than
 * {@code cityops.sensors.retention-days} are dropped whole, which costs nothing like a
 * DELETE and never fills the disk with dead rows. Several instances serialise on an
 * advisory lock.
 */
@Component
class Partitions implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Partitions.class);

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int retentionDays;

	Partitions(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${cityops.sensors.retention-days:90}") int retentionDays) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.retentionDays = Math.max(8, retentionDays);
	}

	@Override
	public void afterPropertiesSet() {
		maintain();
	}

	@Scheduled(cron = "0 5 * * * *")
	void hourly() {
		maintain();
	}

	/** Creates the partitions that must exist and drops the expired ones. */
	public void maintain() {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('sensor_reading_partitions'))");
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			for (LocalDate day = today.minusDays(8); !day.isAfter(today.plusDays(2)); day = day.plusDays(1)) {
				this.jdbc.execute("create table if not exists sensor_reading_" + NAME.format(day)
						+ " partition of sensor_reading for values from ('" + day + "') to ('" + day.plusDays(1)
						+ "')");
			}
			LocalDate oldest = today.minusDays(this.retentionDays);
			List<String> partitions = this.jdbc.queryForList("""
					select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
					 join pg_class p on p.oid = i.inhparent where p.relname = 'sensor_reading'""", String.class);
			for (String name : partitions) {
				LocalDate day = LocalDate.parse(name.substring("sensor_reading_".length()), NAME);
				if (day.isBefore(oldest)) {
					this.jdbc.execute("drop table " + name);
					log.info("Dropped readings of {} (older than {} days)", day, this.retentionDays);
				}
			}
		});
	}

}
