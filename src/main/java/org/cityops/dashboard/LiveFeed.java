package org.cityops.dashboard;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cityops.catalog.Catalog;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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
class LiveFeed {

	static final int MAX_SCREENS = 200;

	static final long TIMEOUT_MS = 30 * 60_000L;

	private final Set<SseEmitter> screens = ConcurrentHashMap.newKeySet();

	private final JdbcClient jdbc;

	private final Catalog catalog;

	/** How far back the feed looks for what it has not sent yet. */
	static final Duration WINDOW = Duration.ofMinutes(10);

	static final int MAX_REMEMBERED = 10_000;

	/** What was sent (kind:id), oldest first; only the poller touches it. */
	private final Set<String> sent = new LinkedHashSet<>();

	private final Clock clock;

	/**
	 * What happened before this instance started is on the screen already (recent cases).
	 */
	private final Instant bootedAt;

	LiveFeed(JdbcClient jdbc, Catalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
		this.bootedAt = clock.instant();
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
		Instant window = this.clock.instant().minus(WINDOW);
		Timestamp since = Timestamp.from(window.isAfter(this.bootedAt) ? window : this.bootedAt);
		follow("case", """
				select case_id as id, number, channel, category_code, unit_code, reported_at from dash_case
				 where reported_at >= ? order by reported_at desc, case_id desc limit 500""", since);
		follow("alarm", """
				select alarm_id as id, device_id, rule_code, severity, unit_code, raised_at from dash_alarm
				 where raised_at >= ? order by raised_at desc, alarm_id desc limit 500""", since);
	}

	/**
	 * Sends what happened in the last {@code WINDOW} (and since this instance started)
	 * and was not sent yet: rows commit in any order, so following an id would miss a
	 * case whose transaction finished late.
	 */
	private void follow(String kind, String sql, Timestamp since) {
		List<Map<String, Object>> rows = new ArrayList<>(this.jdbc.sql(sql).param(since).query().listOfRows());
		Collections.reverse(rows); // the newest 500, sent oldest first
		for (Map<String, Object> row : rows) {
			if (!this.sent.add(kind + ":" + row.get("id"))) {
				continue;
			}
			if (row.containsKey("category_code")) {
				row.put("category", this.catalog.name((String) row.get("category_code")));
			}
			broadcast(kind, row);
		}
		while (this.sent.size() > MAX_REMEMBERED) {
			this.sent.remove(this.sent.iterator().next());
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

	/**
	 * Ends every screen's stream when the application stops, before the web server's
	 * graceful shutdown waits for open requests: a stream never ends by itself, so each
	 * open screen would hold a restart for the whole shutdown timeout. The screens'
	 * {@code EventSource} reconnects to the next instance.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeScreens() {
		List.copyOf(this.screens).forEach(this::drop);
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
