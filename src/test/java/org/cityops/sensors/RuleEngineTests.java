package org.cityops.sensors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTests {

	static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

	static final Rule WATER_HIGH = new Rule(1, "WATER_LEVEL", "WATER_HIGH", "积水", "THRESHOLD", "level_cm", ">", 15.0,
			10.0, 300, "CRITICAL", "AUTO", "01004", 5, 3600);

	static final Rule SMOKE = new Rule(2, "SMOKE", "SMOKE", "烟雾", "EVENT", "smoke", "=", 1.0, null, 0, "CRITICAL",
			"AUTO", "01013", 3, 3600);

	static final Rule RISING = new Rule(3, "WATER_LEVEL", "WATER_RISING", "上涨", "RATE", "level_cm", ">", 5.0, 1.0, 60,
			"WARNING", "NONE", null, 5, 3600);

	static final Rule NO_MOVEMENT = new Rule(4, "DOOR", "NO_MOVEMENT", "无开门", "INACTIVITY", "open", "=", 1.0, null,
			86400, "CRITICAL", "AUTO", "L01001", 5, 3600);

	/** Feeds readings one batch at a time, keeping the memory like the store does. */
	static final class Device {

		final List<Rule> rules;

		Map<String, RuleEngine.Memory> memory = new HashMap<>();

		final List<String> log = new ArrayList<>();

		Device(Rule... rules) {
			this.rules = List.of(rules);
		}

		Device read(String metric, int seconds, double value) {
			RuleEngine.Outcome o = RuleEngine.evaluate(this.rules, this.memory,
					List.of(new Reading("D", T0.plusSeconds(seconds), metric, value)));
			this.memory = o.memory();
			o.decisions().forEach((d) -> this.log.add(d.kind() + " " + d.rule().code() + "@" + seconds));
			return this;
		}

	}

	@Test
	void aThresholdMustHoldForItsDurationAndClearsOnlyPastTheHysteresis() {
		Device d = new Device(WATER_HIGH).read("level_cm", 0, 16).read("level_cm", 120, 18).read("level_cm", 240, 17);
		assertThat(d.log).isEmpty();
		d.read("level_cm", 300, 16).read("level_cm", 360, 19);
		assertThat(d.log).containsExactly("RAISE WATER_HIGH@300", "REPEAT WATER_HIGH@360");
		d.read("level_cm", 420, 12);
		assertThat(d.log).hasSize(2);
		d.read("level_cm", 480, 9);
		assertThat(d.log).last().isEqualTo("CLEAR WATER_HIGH@480");
	}

	@Test
	void aDipBelowTheThresholdRestartsThePendingDuration() {
		Device d = new Device(WATER_HIGH).read("level_cm", 0, 16)
			.read("level_cm", 200, 14)
			.read("level_cm", 260, 16)
			.read("level_cm", 500, 17);
		assertThat(d.log).isEmpty();
		d.read("level_cm", 560, 17);
		assertThat(d.log).containsExactly("RAISE WATER_HIGH@560");
	}

	@Test
	void anEventRaisesAtOnceRepeatsAndClearsWhenNormal() {
		Device d = new Device(SMOKE).read("smoke", 0, 1)
			.read("smoke", 10, 1)
			.read("battery", 20, 80)
			.read("smoke", 30, 0);
		assertThat(d.log).containsExactly("RAISE SMOKE@0", "REPEAT SMOKE@10", "CLEAR SMOKE@30");
	}

	@Test
	void aFlappingRuleIsSuppressedAfterItsLimit() {
		Device d = new Device(SMOKE);
		for (int i = 0; i < 5; i++) {
			d.read("smoke", i * 60, 1).read("smoke", i * 60 + 30, 0);
		}
		assertThat(d.log.stream().filter((l) -> l.startsWith("RAISE"))).hasSize(3);
		assertThat(d.log.stream().filter((l) -> l.startsWith("SUPPRESSED"))).hasSize(2);
		d.read("smoke", 3700, 1);
		assertThat(d.log).last().isEqualTo("RAISE SMOKE@3700");
	}

	@Test
	void aRateIsMeasuredPerWindowBetweenReadings() {
		Device d = new Device(RISING).read("level_cm", 0, 2).read("level_cm", 60, 4);
		assertThat(d.log).isEmpty();
		d.read("level_cm", 90, 8);
		assertThat(d.log).containsExactly("RAISE WATER_RISING@90");
		d.read("level_cm", 150, 8.5);
		assertThat(d.log).last().isEqualTo("CLEAR WATER_RISING@150");
	}

	@Test
	void activityIsRememberedAndClearsAnInactivityAlarm() {
		Device d = new Device(NO_MOVEMENT).read("open", 0, 0);
		assertThat(d.memory.get("NO_MOVEMENT").active()).isNull();
		d.read("open", 100, 1);
		assertThat(d.memory.get("NO_MOVEMENT").active()).isEqualTo(T0.plusSeconds(100).toEpochMilli());
		assertThat(d.log).containsExactly("CLEAR NO_MOVEMENT@100");
	}

}
