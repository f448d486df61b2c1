package org.cityops.demo;

import org.cityops.cases.Action;
import org.cityops.cases.CaseCommand;
import org.cityops.cases.CaseManagement;
import org.cityops.cases.CaseView;
import org.cityops.cases.NewCase;
import org.cityops.cases.Actor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.shared.GeoPoint;

import org.cityops.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Produces case history like the town's (about 9,500 standard and 9,500 simple-procedure
 * cases a year and the hotline's 1,300, fewer at weekends, more in summer, the common
 * categories, handling mostly within the category's deadline, some returns, reworks,
 * rejections and cases still open) through the domain's own code: every case is reported,
 * registered, dispatched, accepted, handled, verified and closed by
 * {@link CaseManagement} with the clock pinned to when each step would have happened, so
 * the history, the deadlines, the events and the read models are the real ones.
 */
@Service
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cityops.demo", havingValue = "true",
		matchIfMissing = true)
class HistoryGenerator {

	private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);

	/** Common categories, the first ones most often. */
	static final String[] CATEGORIES = { "06010", "06001", "06012", "06036", "07001", "06042", "06007", "09001",
			"06013", "01001" };

	private final CaseManagement cases;

	private final Grid grid;

	/** Of the common categories, those an inspector may close on the spot. */
	private final List<String> simple;

	private final ZoneId zone;

	private final byte[] photo = photo();

	HistoryGenerator(CaseManagement cases, Grid grid, Catalog catalog,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.cases = cases;
		this.grid = grid;
		this.simple = java.util.Arrays.stream(CATEGORIES)
			.filter((c) -> catalog.category(c).map(Category::simpleProcedure).orElse(false))
			.toList();
		this.zone = zone;
	}

	/** What a run produced. */
	record Generated(long cases, long closed, long failed, Duration took) {
	}

	/** Generates the cases reported on the days from {@code first} to {@code last}. */
	Generated generate(LocalDate first, LocalDate last, long seed) {
		if (last.isBefore(first)) {
			throw new IllegalArgumentException("The last day comes before the first");
		}
		long start = System.nanoTime();
		Random random = new Random(seed);
		List<GeoPoint> places = places(random);
		long made = 0;
		long closed = 0;
		long failed = 0;
		Instant now = Instant.now();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			double rhythm = rhythm(day);
			int standard = count(random, 9_500 / 365.0 * rhythm);
			int simple = this.simple.isEmpty() ? 0 : count(random, 9_500 / 365.0 * rhythm);
			int hotline = count(random, 1_300 / 365.0 * rhythm);
			for (int i = 0; i < standard + simple + hotline; i++) {
				Instant at = day.atStartOfDay(this.zone)
					.toInstant()
					.plus(Duration.ofMinutes(7 * 60 + random.nextInt(13 * 60)));
				if (at.isAfter(now)) {
					continue;
				}
				GeoPoint p = places.get(random.nextInt(places.size()));
				try {
					if (i < simple) {
						onTheSpot(at, p, random);
					}
					else if (standard(at, p, (i < simple + hotline) ? "HOTLINE" : "INSPECTOR", random, now)) {
						closed++;
					}
					made++;
				}
				catch (RuntimeException ex) {
					if (failed++ < 3) {
						log.warn("A generated case failed: {}", ex.getMessage());
					}
				}
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Generated {} cases reported {} … {} ({} closed by the standard procedure, {} failed) in {} s", made,
				first, last, closed, failed, took.toSeconds());
		return new Generated(made, closed, failed, took);
	}

	private void onTheSpot(Instant at, GeoPoint p, Random random) {
		String category = this.simple.get(random.nextInt(this.simple.size()));
		DemoClock.at(at,
				() -> this.cases.report(
						new NewCase("INSPECTOR", category, "巡查发现，现场处置", p.lon(), p.lat(), null, null, true), centre(),
						null, List.of(this.photo), List.of(this.photo)));
	}

	/** One case by the standard procedure; answers whether it was closed. */
	private boolean standard(Instant at, GeoPoint p, String channel, Random random, Instant now) {
		String category = CATEGORIES[Math.min(CATEGORIES.length - 1,
				(int) (random.nextDouble() * random.nextDouble() * CATEGORIES.length))];
		Walk walk = new Walk(
				DemoClock
					.at(at, () -> this.cases.report(new NewCase(channel, category,
							"HOTLINE".equals(channel) ? "市民来电反映" : "巡查发现", p.lon(), p.lat(), null, null, false),
							centre(), null))
					.view(),
				now);
		Instant t = at.plus(minutes(random, 10, 90));
		if (random.nextInt(100) < 3) {
			walk.step(t, Action.REJECT, note("经核实不属实"));
			return false;
		}
		if (!walk.step(t, Action.REGISTER, note("属实，立案"))) {
			return false;
		}
		t = t.plus(minutes(random, 5, 40));
		if (!walk.step(t, Action.DISPATCH, CaseCommand.none())) {
			return false;
		}
		if (random.nextInt(100) < 5) {
			t = t.plus(minutes(random, 30, 240));
			if (!walk.step(t, Action.RETURN, note("非本部门职责"))) {
				return false;
			}
			t = t.plus(minutes(random, 10, 60));
			if (!walk.step(t, Action.DISPATCH, CaseCommand.none())) {
				return false;
			}
		}
		Instant dispatchedAt = t;
		Instant deadline = walk.last.deadlines().handlingDeadline();
		t = t.plus(minutes(random, 10, 180));
		if (!walk.step(t, Action.ACCEPT, CaseCommand.none())) {
			return false;
		}
		// most within the deadline, one in ten later
		long window = Duration.between(dispatchedAt, deadline).toMinutes();
		double share = (random.nextInt(10) == 0) ? 1.05 + random.nextDouble() * 0.8 : 0.1 + random.nextDouble() * 0.85;
		Instant acceptedAt = t;
		t = dispatchedAt.plus(Duration.ofMinutes(Math.max(20, (long) (window * share))));
		if (!t.isAfter(acceptedAt)) {
			// a short deadline: handled after it was accepted, however soon
			t = acceptedAt.plus(minutes(random, 10, 60));
		}
		if (random.nextInt(100) < 4 || !walk.step(t, Action.HANDLE, note("已处置完毕"))) {
			return false; // still with the department
		}
		t = t.plus(minutes(random, 30, 300));
		if (random.nextInt(100) < 6) {
			if (!walk.step(t, Action.VERIFY, new CaseCommand("现场仍有问题", null, false, null, null, null))) {
				return false;
			}
			t = t.plus(minutes(random, 60, 600));
			if (!walk.step(t, Action.HANDLE, note("已再次处置"))) {
				return false;
			}
			t = t.plus(minutes(random, 30, 300));
		}
		if (!walk.step(t, Action.VERIFY, new CaseCommand("现场已恢复", null, true, null, null, null))) {
			return false;
		}
		return walk.step(t.plus(minutes(random, 10, 120)), Action.CLOSE, note("结案"));
	}

	/** One case on its way; each step answers the case as it is now. */
	private final class Walk {

		private CaseView last;

		/** When the last step was done. */
		private Instant at;

		private final Instant now;

		Walk(CaseView reported, Instant now) {
			this.last = reported;
			this.at = reported.reportedAt();
			this.now = now;
		}

		/**
		 * Does the step at {@code t} unless that lies in the future (the case stays
		 * there); first, as the deadline sweeper would have, marks the current stage
		 * overdue a minute after its deadline — or at once, when the stage began with its
		 * deadline already past (rework against a spent handling deadline) — when the
		 * step comes later than that.
		 */
		boolean step(Instant t, Action action, CaseCommand command) {
			long id = this.last.id();
			Instant due = this.last.deadlines().stageDeadline();
			if (due != null) {
				Instant seen = due.plusSeconds(60).isAfter(this.at) ? due.plusSeconds(60) : this.at;
				if (t.isAfter(seen) && seen.isBefore(this.now)) {
					DemoClock.at(seen, () -> HistoryGenerator.this.cases.markOverdue(id));
				}
			}
			if (t.isAfter(this.now)) {
				return false;
			}
			this.last = DemoClock.at(t, () -> HistoryGenerator.this.cases.act(id, action, command, centre()));
			this.at = t;
			return true;
		}

	}

	/**
	 * The demo administrator, who may do every step anywhere (the demo accounts of the
	 * other roles each have their own area or department).
	 */
	private Actor centre() {
		return this.cases.demoAccount("admin");
	}

	private static CaseCommand note(String text) {
		return new CaseCommand(text, null, null, null, null, null);
	}

	private static Duration minutes(Random random, int min, int max) {
		return Duration.ofMinutes(min + random.nextInt(max - min));
	}

	/** Fewer cases at weekends, more in summer. */
	private static double rhythm(LocalDate day) {
		double week = switch (day.getDayOfWeek()) {
			case SATURDAY, SUNDAY -> 0.7;
			default -> 1.12;
		};
		return week * (1 + 0.2 * Math.sin((day.getDayOfYear() - 105) / 365.0 * 2 * Math.PI));
	}

	private static int count(Random random, double mean) {
		return Math.max(0, (int) Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
	}

	/** Points that lie in units of the grid, found by locating random points. */
	private List<GeoPoint> places(Random random) {
		List<GeoPoint> points = new ArrayList<>();
		for (int i = 0; i < 20_000 && points.size() < 400; i++) {
			GeoPoint p = new GeoPoint(121.33 + random.nextDouble() * 0.095, 31.262 + random.nextDouble() * 0.04);
			try {
				if (this.grid.locate(p).hasUnit()) {
					points.add(p);
				}
			}
			catch (GridNotFound ex) {
				// outside the jurisdiction
			}
		}
		if (points.isEmpty()) {
			throw new IllegalArgumentException("No point of the grid's units was found to place cases at");
		}
		return points;
	}

	private static byte[] photo() {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 4, 0x2F9E44);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
