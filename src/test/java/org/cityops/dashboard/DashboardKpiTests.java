package org.cityops.dashboard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.cityops.MutableClock;
import org.cityops.cases.Action;
import org.cityops.cases.Actor;
import org.cityops.cases.CaseCommand;
import org.cityops.cases.CaseHistory;
import org.cityops.cases.CaseManagement;
import org.cityops.cases.NewCase;
import org.cityops.grid.Grid;
import org.cityops.shared.GeoPoint;
import org.cityops.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A history of cases walked through the domain's own transitions (every path: rejected,
 * cancelled, returned and re-dispatched, reworked, escalated, supervised, simple
 * procedure, overdue at registration and handling, still open), and every KPI of the read
 * model checked against a direct count over the raw case history, town-wide and filtered.
 */
@SpringBootTest(properties = "cityops.cases.sweep-interval=1s")
@Import(MutableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardKpiTests {

	static final Instant START = Instant.parse("2026-03-11T01:30:00Z"); // Wednesday 09:30

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseKpis kpis;

	@Autowired
	ReadModels readModels;

	@Autowired
	CaseFacts facts;

	@Autowired
	CaseHistory history;

	@Autowired
	Grid grid;

	@Autowired
	JdbcClient jdbc;

	Actor admin;

	/** Cases left with their department. */
	final List<Long> withDepartment = new ArrayList<>();

	final KpiFilter all = KpiFilter.period(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(30)));

	@BeforeAll
	void buildAHistory() throws Exception {
		// three reporters who may do everything, so that one walk drives every step
		for (int i = 0; i < 3; i++) {
			this.jdbc.sql("""
					insert into staff_account (username, display_name, password_hash, role)
					values (?, ?, 'not-a-password', 'ADMIN') on conflict do nothing""")
				.params("inspector-" + i, "巡查 " + i)
				.update();
		}
		this.admin = this.cases.demoAccount("admin");
		MutableClock.INSTANCE.set(START);
		List<GeoPoint> places = new ArrayList<>();
		for (String address : List.of("莲花公寓", "武威路1082弄", "绥德路99号")) {
			places.add(this.grid.geocode(address).point());
		}
		Random random = new Random(7);
		List<Long> waiting = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			GeoPoint p = places.get(i % places.size());
			Actor inspector = this.cases.demoAccount("inspector-" + (i % 3));
			if (i % 9 == 4) {
				this.cases.report(
						new NewCase("INSPECTOR", "06010", "暴露垃圾，已清理 " + i, p.lon(), p.lat(), null, null, true),
						inspector, null, List.of(png()), List.of(png()));
				continue;
			}
			long id = this.cases
				.report(new NewCase((i % 4 == 0) ? "RESIDENT" : "INSPECTOR", (i % 2 == 0) ? "06001" : "06010",
						"测试案件 " + i, p.lon(), p.lat(), null, null, false), inspector, null)
				.view()
				.id();
			if (i % 5 == 3) {
				waiting.add(id); // left to go overdue at registration
				continue;
			}
			walk(id, i, random, inspector);
			MutableClock.INSTANCE.advance(Duration.ofMinutes(7));
		}
		// a working day later: the waiting cases' registration and the open cases' stages
		// are overdue; the sweeper marks them
		MutableClock.INSTANCE.advance(Duration.ofDays(6));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from case_history where action = 'overdue'")
				.query(Long.class)
				.single() >= waiting.size());
		for (long id : waiting) {
			this.cases.act(id, Action.REGISTER, note("late"), this.admin);
			this.cases.act(id, Action.DISPATCH, CaseCommand.none(), this.admin);
		}
		// a department asks for more time and gets it
		long postponed = this.withDepartment.get(0);
		this.cases.act(postponed, Action.POSTPONE, new CaseCommand("等待配件", null, null, 3, null, null), this.admin);
		this.cases.act(postponed, Action.POSTPONE, new CaseCommand("同意", null, null, null, "APPROVE", null),
				this.admin);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
	}

	private void walk(long id, int i, Random random, Actor inspector) {
		if (i % 11 == 1) {
			this.cases.act(id, Action.REJECT, note("不属实"), this.admin);
			return;
		}
		this.cases.act(id, Action.REGISTER, note("立案"), this.admin);
		if (i % 13 == 2) {
			this.cases.act(id, Action.CANCEL, note("重复"), this.admin);
			return;
		}
		this.cases.act(id, Action.DISPATCH, CaseCommand.none(), this.admin);
		if (random.nextInt(4) == 0) {
			this.cases.act(id, Action.RETURN, note("非本部门职责"), this.admin);
			this.cases.act(id, Action.DISPATCH, CaseCommand.none(), this.admin);
		}
		if (i % 7 == 0) {
			this.cases.act(id, Action.SUPERVISE, note("督办"), this.admin);
		}
		if (i % 6 == 5) {
			this.cases.act(id, Action.ESCALATE, note("需镇级协调"), this.admin);
		}
		if (i % 8 == 6) {
			this.withDepartment.add(id);
			return; // still with the department
		}
		this.cases.act(id, Action.ACCEPT, CaseCommand.none(), this.admin);
		MutableClock.INSTANCE.advance(Duration.ofMinutes(20));
		this.cases.act(id, Action.HANDLE, note("已处置"), this.admin);
		if (random.nextInt(3) == 0) {
			this.cases.act(id, Action.VERIFY, new CaseCommand("仍有残留", null, false, null, null, null), inspector);
			MutableClock.INSTANCE.advance(Duration.ofMinutes(15));
			this.cases.act(id, Action.HANDLE, note("再次处置"), this.admin);
		}
		if (i % 10 == 9) {
			return; // waiting for verification
		}
		this.cases.act(id, Action.VERIFY, new CaseCommand("现场已恢复", null, true, null, null, null), inspector);
		this.cases.act(id, Action.CLOSE, note("结案"), this.admin);
	}

	@Test
	void everyKpiMatchesADirectCountOverTheRawHistory() {
		CaseCounts expected = direct(null, null);
		assertThat(expected.reported()).isEqualTo(36);
		assertThat(expected.simple()).isPositive();
		assertThat(expected.returned()).isPositive();
		assertThat(expected.reworked()).isPositive();
		assertThat(expected.registered() - expected.registeredOnTime()).isPositive();
		assertThat(expected.closedTown()).isPositive();
		assertThat(this.kpis.counts(this.all)).isEqualTo(expected);
		assertThat(this.kpis.counts(this.all).rates()).isEqualTo(expected.rates());
	}

	@Test
	void filteredKpisMatchToo() {
		Map<String, CaseCounts> byDepartment = this.kpis.countsBy("department_code", this.all);
		assertThat(byDepartment).isNotEmpty();
		byDepartment.forEach((department, counts) -> {
			assertThat(counts).as(department).isEqualTo(direct("department", department));
			assertThat(this.kpis.counts(this.all.department(department))).isEqualTo(counts);
		});
		Map<String, CaseCounts> byArea = this.kpis.countsBy("area_code", this.all);
		assertThat(byArea.values().stream().mapToLong(CaseCounts::reported).sum()).isEqualTo(36);
		byArea.forEach((area, counts) -> assertThat(counts).as(area).isEqualTo(direct("area", area)));
	}

	@Test
	void rebuildingFromTheHistoryGivesTheSameModelAndReplayingChangesNothing() {
		CaseCounts before = this.kpis.counts(this.all);
		List<String> rows = snapshot();
		ReadModels.Rebuilt rebuilt = this.readModels.rebuildCases();
		assertThat(rebuilt.cases()).isEqualTo(36);
		assertThat(this.kpis.counts(this.all)).isEqualTo(before);
		assertThat(snapshot()).isEqualTo(rows);
		List<Boolean> applied = new ArrayList<>();
		this.history.replay((e) -> applied.add(this.facts.apply(e)));
		assertThat(applied).isNotEmpty().containsOnly(false);
		assertThat(snapshot()).isEqualTo(rows);
	}

	/**
	 * The notes are text for people: worded in any other way, the history rebuilds the
	 * same read model, because its events are made from the lines' facts.
	 */
	@Test
	void rewordingEveryHistoryNoteLeavesTheRebuiltModelIdentical() {
		assertThat(this.jdbc.sql("select array_agg(distinct action order by action) from case_history")
			.query(String.class)
			.single()).contains("dispatch", "escalate", "overdue", "postpone", "return", "verify", "close");
		CaseCounts before = this.kpis.counts(this.all);
		List<String> rows = snapshot();
		this.jdbc.sql("alter table case_history disable trigger case_history_no_update").update();
		try {
			this.jdbc.sql("update case_history set note = 'reworded: ' || md5(coalesce(note, '') || id)").update();
		}
		finally {
			this.jdbc.sql("alter table case_history enable trigger case_history_no_update").update();
		}
		ReadModels.Rebuilt rebuilt = this.readModels.rebuildCases();
		assertThat(rebuilt.cases()).isEqualTo(36);
		assertThat(snapshot()).isEqualTo(rows);
		assertThat(this.kpis.counts(this.all)).isEqualTo(before);
	}

	@Test
	void eventsInAnyOrderGiveTheSameRow() {
		long id = this.jdbc.sql("select case_id from dash_case where returns > 0 and closed_at is not null limit 1")
			.query(Long.class)
			.single();
		String row = row(id);
		List<org.cityops.cases.CaseEvent> events = new ArrayList<>();
		this.history.replay((e) -> {
			if (e.caseId() == id) {
				events.add(e);
			}
		});
		java.util.Collections.reverse(events);
		this.jdbc.sql("delete from dash_case where case_id = ?").param(id).update();
		this.jdbc.sql("delete from dash_applied where event_key like ?").param("case:" + id + ":%").update();
		events.forEach(this.facts::apply);
		assertThat(row(id)).isEqualTo(row);
	}

	private String row(long id) {
		return this.jdbc.sql("select row_to_json(d)::text from dash_case d where case_id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private List<String> snapshot() {
		return this.jdbc.sql("select case_id from dash_case order by case_id")
			.query(Long.class)
			.list()
			.stream()
			.map(this::row)
			.toList();
	}

	/**
	 * The counts computed straight from case_file and case_history, without the read
	 * model: the KPI definitions of docs/kpis.md.
	 */
	private CaseCounts direct(String dimension, String value) {
		Map<Long, List<Map<String, Object>>> lines = new HashMap<>();
		this.jdbc.sql("select * from case_history order by id")
			.query()
			.listOfRows()
			.forEach((h) -> lines.computeIfAbsent(((Number) h.get("case_id")).longValue(), (k) -> new ArrayList<>())
				.add(h));
		long[] n = new long[22];
		for (Map<String, Object> c : this.jdbc.sql("select * from case_file").query().listOfRows()) {
			List<Map<String, Object>> h = lines.get(((Number) c.get("id")).longValue());
			String department = null;
			for (Map<String, Object> line : h) {
				if (line.get("action").equals("dispatch")) {
					department = (String) line.get("department_code");
				}
			}
			if ("department".equals(dimension) && !value.equals(department)) {
				continue;
			}
			if ("area".equals(dimension) && !value.equals(c.get("area_code"))) {
				continue;
			}
			boolean simple = has(h, "close", "REPORTED", null);
			boolean registered = has(h, "register", null, null) || simple;
			boolean dispatched = has(h, "dispatch", null, null);
			boolean handled = has(h, "handle", null, null);
			boolean verified = has(h, "verify", null, "VERIFIED");
			boolean closed = has(h, "close", null, null);
			String status = (String) c.get("status");
			boolean open = !List.of("CLOSED", "REJECTED", "CANCELLED", "MERGED").contains(status);
			boolean onTime = closed
					&& (simple || c.get("handling_deadline") == null || !((java.sql.Timestamp) c.get("handled_at"))
						.after((java.sql.Timestamp) c.get("handling_deadline")));
			boolean[] values = { true, registered, registered && !overdue(h, "REGISTER"), has(h, "reject", null, null),
					simple, dispatched, dispatched && !overdue(h, "DISPATCH"), handled,
					handled && !overdue(h, "HANDLE"), verified, verified && !overdue(h, "VERIFY"), closed,
					closed && onTime, has(h, "verify", null, "REWORK"), has(h, "return", null, null),
					closed && "COMMITTEE".equals(c.get("resolved_level")),
					closed && "GRID".equals(c.get("resolved_level")), closed && "TOWN".equals(c.get("resolved_level")),
					closed && "DISTRICT".equals(c.get("resolved_level")), open, open && overdue(h, null),
					open && (Boolean) c.get("supervised") };
			for (int i = 0; i < values.length; i++) {
				n[i] += values[i] ? 1 : 0;
			}
		}
		return new CaseCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13],
				n[14], n[15], n[16], n[17], n[18], n[19], n[20], n[21]);
	}

	private static boolean has(List<Map<String, Object>> h, String action, String from, String to) {
		return h.stream()
			.anyMatch((l) -> l.get("action").equals(action) && (from == null || from.equals(l.get("from_status")))
					&& (to == null || to.equals(l.get("to_status"))));
	}

	private static boolean overdue(List<Map<String, Object>> h, String stage) {
		return h.stream()
			.anyMatch((l) -> l.get("action").equals("overdue") && (stage == null || stage.equals(l.get("stage"))));
	}

	private static CaseCommand note(String text) {
		return new CaseCommand(text, null, null, null, null, null);
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 2, 0x00FF00);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
