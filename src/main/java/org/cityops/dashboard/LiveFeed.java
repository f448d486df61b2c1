package org.cityops.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The big screen's live feed (server-sent events): new cases and alarms as they reach the
 * read models. It follows the read models rather than this instance's events, so a screen
 * connected to any instance sees everything. Connections are bounded, expire (the browser
 * reconnects by itself) and are dropped at the first failed write, so nothing piles up in
 * a screen that runs for days.
 */
@Service
public class LiveFeed {

	static final int MAX_SCREENS = 200;

	static final long TIMEOUT_MS = 30 * 60_000L;

	private final Set<SseEmitter> screens = ConcurrentHashMap.newKeySet();

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private volatile Long lastCase;

	private volatile Long lastAlarm;

	LiveFeed(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	public SseEmitter connect() {
		if (this.screens.size() >= MAX_SCREENS) {
			throw DashboardProblem.invalid("Too many screens are connected (" + MAX_SCREENS + ")");
		}
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		emitter.onCompletion(() -> this.screens.remove(emitter));
		emitter.onTimeout(() -> this.screens.remove(emitter));
		emitter.onError((e) -> this.screens.remove(emitter));
		this.screens.add(emitter);
		send(emitter, "hello", Map.of("screens", this.screens.size()));
		return emitter;
	}

	@Scheduled(fixedDelayString = "${cityops.dashboard.feed-interval:2000}", initialDelay = 2000)
	void poll() {
		if (this.lastCase == null) {
			this.lastCase = this.jdbc
				.sql("select coalesce(max(case_id), 0) from dash_case where reported_at is not null")
				.query(Long.class)
				.single();
			this.lastAlarm = this.jdbc
				.sql("select coalesce(max(alarm_id), 0) from dash_alarm where raised_at is not null")
				.query(Long.class)
				.single();
			return;
		}
		List<Map<String, Object>> cases = this.jdbc.sql("""
				select case_id as id, number, channel, category_code, unit_code, reported_at from dash_case
				 where case_id > ? and reported_at is not null order by case_id limit 100""")
			.param(this.lastCase)
			.query()
			.listOfRows();
		for (Map<String, Object> c : cases) {
			c.put("category",
					this.catalog.category((String) c.get("category_code"))
						.map(Category::name)
						.orElse((String) c.get("category_code")));
			broadcast("case", c);
			this.lastCase = ((Number) c.get("id")).longValue();
		}
		List<Map<String, Object>> alarms = this.jdbc.sql("""
				select alarm_id as id, device_id, rule_code, severity, unit_code, raised_at from dash_alarm
				 where alarm_id > ? and raised_at is not null order by alarm_id limit 100""")
			.param(this.lastAlarm)
			.query()
			.listOfRows();
		for (Map<String, Object> a : alarms) {
			broadcast("alarm", a);
			this.lastAlarm = ((Number) a.get("id")).longValue();
		}
	}

	/** A comment line now and then: proxies keep the connection, dead screens show up. */
	@Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
	void heartbeat() {
		for (SseEmitter e : this.screens) {
			try {
				e.send(SseEmitter.event().comment("♥"));
			}
			catch (IOException | IllegalStateException ex) {
				drop(e);
			}
		}
	}

	private void broadcast(String name, Object data) {
		for (SseEmitter e : this.screens) {
			send(e, name, data);
		}
	}

	private void send(SseEmitter e, String name, Object data) {
		try {
			e.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			drop(e);
		}
	}

	private void drop(SseEmitter e) {
		this.screens.remove(e);
		try {
			e.complete();
		}
		catch (IllegalStateException ignored) {
			// already completed
		}
	}

}
