package org.cityops.sensors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one device's readings, in time order, into alarm decisions, carrying what the
 * rules must remember between batches (since when a threshold holds, the last value for a
 * rate, the last activity, recent raises for flapping) in a {@link Memory} per rule that
 * is stored with the device's state. Time-based rules (NO_DATA, INACTIVITY) raise in the
 * sweeper; here a reading clears them.
 */
final class RuleEngine {

	private RuleEngine() {
	}

	/** What a rule remembers about one device. Times are epoch milliseconds. */
	record Memory(Long since, boolean raised, Double last, Long lastAt, Long active, List<Long> raises) {

		static Memory empty() {
			return new Memory(null, false, null, null, null, List.of());
		}

	}

	/** A change for the alarm of (device, rule). */
	record Decision(Kind kind, Rule rule, Double value, Instant at) {

		enum Kind {

			/** The condition began (or continues while no alarm is open): open one. */
			RAISE,
			/** The condition continues: count a repeat on the open alarm. */
			REPEAT,
			/** Back to normal: clear the open alarm. */
			CLEAR,
			/** The condition began but the rule flaps: no new alarm. */
			SUPPRESSED

		}

	}

	/** The decisions and the memory to keep. */
	record Outcome(List<Decision> decisions, Map<String, Memory> memory) {
	}

	static Outcome evaluate(List<Rule> rules, Map<String, Memory> before, List<Reading> readings) {
		Map<String, Memory> memory = new HashMap<>(before);
		List<Decision> decisions = new ArrayList<>();
		for (Reading reading : readings) {
			for (Rule rule : rules) {
				Memory m = memory.getOrDefault(rule.code(), Memory.empty());
				if (rule.kind().equals("NO_DATA") || !reading.metric().equals(rule.metric())) {
					continue;
				}
				memory.put(rule.code(), step(rule, m, reading, decisions));
			}
		}
		return new Outcome(decisions, memory);
	}

	private static Memory step(Rule rule, Memory m, Reading r, List<Decision> out) {
		long at = r.at().toEpochMilli();
		double v = r.value();
		return switch (rule.kind()) {
			case "THRESHOLD" -> threshold(rule, m, r, out, at, v);
			case "EVENT" -> {
				if (rule.holds(v)) {
					yield raise(rule, m, r, out, at, null);
				}
				if (m.raised()) {
					out.add(new Decision(Decision.Kind.CLEAR, rule, v, r.at()));
				}
				yield new Memory(null, false, v, at, m.active(), m.raises());
			}
			case "RATE" -> rate(rule, m, r, out, at, v);
			case "INACTIVITY" -> {
				if (rule.holds(v)) {
					// the sweeper raises inactivity alarms, so any activity clears
					// whatever is open
					out.add(new Decision(Decision.Kind.CLEAR, rule, v, r.at()));
					yield new Memory(null, false, v, at, at, m.raises());
				}
				yield m;
			}
			default -> m;
		};
	}

	private static Memory threshold(Rule rule, Memory m, Reading r, List<Decision> out, long at, double v) {
		if (rule.holds(v)) {
			long since = (m.since() != null) ? m.since() : at;
			if (at - since >= rule.seconds() * 1000L) {
				return raise(rule, new Memory(since, m.raised(), v, at, m.active(), m.raises()), r, out, at, since);
			}
			return new Memory(since, m.raised(), v, at, m.active(), m.raises());
		}
		if (m.raised() && rule.clears(v)) {
			out.add(new Decision(Decision.Kind.CLEAR, rule, v, r.at()));
			return new Memory(null, false, v, at, m.active(), m.raises());
		}
		// inside the hysteresis band a raised alarm stays; a pending one starts over
		return new Memory(m.raised() ? m.since() : null, m.raised(), v, at, m.active(), m.raises());
	}

	private static Memory rate(Rule rule, Memory m, Reading r, List<Decision> out, long at, double v) {
		if (m.last() == null || m.lastAt() == null || at <= m.lastAt()) {
			return new Memory(null, m.raised(), v, at, m.active(), m.raises());
		}
		double perWindow = (v - m.last()) / (at - m.lastAt()) * (Math.max(1, rule.seconds()) * 1000.0);
		Memory next = new Memory(null, m.raised(), v, at, m.active(), m.raises());
		if (rule.holds(perWindow)) {
			return raise(rule, next, new Reading(r.deviceId(), r.at(), r.metric(), perWindow), out, at, null);
		}
		if (m.raised() && rule.clears(perWindow)) {
			out.add(new Decision(Decision.Kind.CLEAR, rule, perWindow, r.at()));
			return new Memory(null, false, v, at, m.active(), m.raises());
		}
		return next;
	}

	/** Raises, or counts a repeat while raised; a flapping rule raises nothing new. */
	private static Memory raise(Rule rule, Memory m, Reading r, List<Decision> out, long at, Long since) {
		if (m.raised()) {
			out.add(new Decision(Decision.Kind.REPEAT, rule, r.value(), r.at()));
			return new Memory(since, true, m.last(), m.lastAt(), m.active(), m.raises());
		}
		long window = at - Duration.ofSeconds(rule.flapSeconds()).toMillis();
		List<Long> recent = new ArrayList<>(m.raises().stream().filter((t) -> t > window).toList());
		if (recent.size() >= rule.flapLimit()) {
			out.add(new Decision(Decision.Kind.SUPPRESSED, rule, r.value(), r.at()));
			return new Memory(since, false, m.last(), m.lastAt(), m.active(), recent);
		}
		recent.add(at);
		out.add(new Decision(Decision.Kind.RAISE, rule, r.value(), r.at()));
		return new Memory(since, true, m.last(), m.lastAt(), m.active(), recent);
	}

}
