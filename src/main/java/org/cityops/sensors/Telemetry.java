package org.cityops.sensors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest path shared by MQTT and HTTP: each message checked (refusals go to the dead
 * letters, counted by reason, and the rest goes on), then the batch's readings stored,
 * device states locked and the rules evaluated, and alarms raised, repeated or cleared —
 * all in one transaction, so a crash loses nothing that was acknowledged and a
 * redelivered batch changes nothing twice.
 */
@Service
public class Telemetry {

	private final Registry registry;

	private final SensorStore store;

	private final DeadLetters deadLetters;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final Clock clock;

	Telemetry(Registry registry, SensorStore store, DeadLetters deadLetters, ApplicationEventPublisher events,
			TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.deadLetters = deadLetters;
		this.events = events;
		this.transactions = transactions;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * One message as it arrived: the device id from the topic (or null) and the payload.
	 */
	public record Incoming(String deviceId, byte[] payload) {
	}

	/** How many messages were taken and how many refused, by reason. */
	public record Result(int accepted, Map<String, Integer> refused) {
	}

	/**
	 * A stream's messages: each bad one refused on its own (a dead letter with its
	 * reason) and the rest stored, so that no message can stop the stream.
	 */
	public Result ingest(List<Incoming> messages, String source) {
		Instant now = this.clock.instant();
		Registry.Snapshot snapshot = this.registry.snapshot();
		return accept(parse(messages, now, snapshot), messages, source, now, snapshot);
	}

	/**
	 * A batch that one sender answers for (HTTP): stored whole, or refused whole with
	 * every bad item named and nothing written.
	 */
	public Result ingestAll(List<Incoming> messages, String source, Set<String> senderFor) {
		Instant now = this.clock.instant();
		Registry.Snapshot snapshot = this.registry.snapshot();
		List<TelemetryParser.Parsed> parsed = parse(messages, now, snapshot);
		if (!senderFor.contains("*")) {
			List<Refusal> notTheirs = new ArrayList<>();
			for (int i = 0; i < parsed.size(); i++) {
				String id = parsed.get(i).deviceId();
				Device device = (id != null) ? snapshot.devices().get(id) : null;
				boolean covered = id != null && (senderFor.contains(id)
						|| (device != null && device.gatewayId() != null && senderFor.contains(device.gatewayId())));
				if (!covered) {
					notTheirs.add(new Refusal(i, DeadLetters.clean(id), "NOT_THIS_SENDERS",
							"this key does not post readings for that device"));
				}
			}
			if (!notTheirs.isEmpty()) {
				throw new BatchForbidden(notTheirs);
			}
		}
		List<Refusal> refusals = new ArrayList<>();
		for (int i = 0; i < parsed.size(); i++) {
			TelemetryParser.Parsed p = parsed.get(i);
			if (!p.ok()) {
				refusals.add(new Refusal(i, DeadLetters.clean(p.deviceId()), p.reason().name(),
						DeadLetters.clean(p.detail())));
			}
		}
		if (!refusals.isEmpty()) {
			throw new BatchRefused(refusals);
		}
		return accept(parsed, messages, source, now, snapshot);
	}

	/**
	 * A batch refused whole because its sender may not post for the devices of the items
	 * listed.
	 */
	public static final class BatchForbidden extends org.cityops.shared.Problem {

		private final List<Refusal> refusals;

		BatchForbidden(List<Refusal> refusals) {
			super(Kind.FORBIDDEN, refusals.size()
					+ " reading(s) of the batch are for devices this key does not post for; " + "nothing was stored");
			this.refusals = List.copyOf(refusals);
		}

		public List<Refusal> refusals() {
			return this.refusals;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("errors", this.refusals);
		}

	}

	/** One bad item of a batch: its index (from 0), device, reason and what is wrong. */
	public record Refusal(int index, String deviceId, String reason, String detail) {
	}

	/** A batch refused whole because of the items listed. */
	public static final class BatchRefused extends org.cityops.shared.Problem {

		private final List<Refusal> refusals;

		BatchRefused(List<Refusal> refusals) {
			super(Kind.INVALID, refusals.size() + " reading(s) of the batch are invalid; nothing was stored");
			this.refusals = List.copyOf(refusals);
		}

		public List<Refusal> refusals() {
			return this.refusals;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("errors", this.refusals);
		}

	}

	private static List<TelemetryParser.Parsed> parse(List<Incoming> messages, Instant now,
			Registry.Snapshot snapshot) {
		List<TelemetryParser.Parsed> parsed = new ArrayList<>(messages.size());
		for (Incoming m : messages) {
			parsed.add(TelemetryParser.parse(m.deviceId(), m.payload(), now, snapshot));
		}
		return parsed;
	}

	Result accept(List<TelemetryParser.Parsed> parsed, List<Incoming> raw, String source, Instant now,
			Registry.Snapshot snapshot) {
		List<Reading> readings = new ArrayList<>();
		Map<TelemetryParser.Reason, Integer> refused = new EnumMap<>(TelemetryParser.Reason.class);
		List<DeadLetters.Letter> letters = new ArrayList<>();
		int accepted = 0;
		for (int i = 0; i < parsed.size(); i++) {
			TelemetryParser.Parsed p = parsed.get(i);
			if (p.ok()) {
				readings.addAll(p.readings());
				accepted++;
			}
			else {
				refused.merge(p.reason(), 1, Integer::sum);
				letters.add(new DeadLetters.Letter(now, source, p.reason().name(), p.deviceId(), p.detail(),
						(raw != null) ? raw.get(i).payload() : null));
			}
		}
		if (!readings.isEmpty()) {
			try {
				this.transactions.executeWithoutResult((tx) -> store(readings, snapshot, now));
			}
			catch (NonTransientDataAccessException ex) {
				if (ex instanceof NonTransientDataAccessResourceException) {
					throw ex; // the database is away: the whole batch waits and is tried
								// again
				}
				// the database refuses something in the batch: find what, one message at
				// a time
				accepted -= storeOneByOne(parsed, raw, source, now, snapshot, refused, letters);
			}
		}
		if (!letters.isEmpty()) {
			this.deadLetters.add(letters);
		}
		this.meters.counter("cityops.sensors.messages", "outcome", "accepted").increment(accepted);
		refused.forEach(
				(reason, n) -> this.meters.counter("cityops.sensors.messages", "outcome", reason.name()).increment(n));
		Map<String, Integer> byName = new LinkedHashMap<>();
		refused.forEach((k, v) -> byName.put(k.name(), v));
		return new Result(accepted, byName);
	}

	/**
	 * Stores each good message in its own transaction; one the database refuses becomes a
	 * dead letter. Answers how many were refused.
	 */
	private int storeOneByOne(List<TelemetryParser.Parsed> parsed, List<Incoming> raw, String source, Instant now,
			Registry.Snapshot snapshot, Map<TelemetryParser.Reason, Integer> refused,
			List<DeadLetters.Letter> letters) {
		int failed = 0;
		for (int i = 0; i < parsed.size(); i++) {
			TelemetryParser.Parsed p = parsed.get(i);
			if (!p.ok()) {
				continue;
			}
			try {
				this.transactions.executeWithoutResult((tx) -> store(p.readings(), snapshot, now));
			}
			catch (NonTransientDataAccessException ex) {
				if (ex instanceof NonTransientDataAccessResourceException) {
					throw ex;
				}
				failed++;
				refused.merge(TelemetryParser.Reason.STORE_FAILED, 1, Integer::sum);
				String why = (ex.getMostSpecificCause().getMessage() != null) ? ex.getMostSpecificCause().getMessage()
						: ex.getClass().getSimpleName();
				letters.add(new DeadLetters.Letter(now, source, TelemetryParser.Reason.STORE_FAILED.name(),
						p.deviceId(), why.substring(0, Math.min(why.length(), 500)),
						(raw != null) ? raw.get(i).payload() : null));
			}
		}
		return failed;
	}

	private void store(List<Reading> readings, Registry.Snapshot snapshot, Instant now) {
		this.store.insertReadings(readings);
		Map<String, List<Reading>> byDevice = new HashMap<>();
		for (Reading r : readings) {
			byDevice.computeIfAbsent(r.deviceId(), (k) -> new ArrayList<>()).add(r);
		}
		Map<String, SensorStore.State> states = this.store.lockStates(byDevice.keySet());
		List<SensorStore.Update> updates = new ArrayList<>(byDevice.size());
		Map<String, Instant> gateways = new HashMap<>();
		java.util.Set<String> returning = new java.util.HashSet<>();
		for (Map.Entry<String, List<Reading>> e : byDevice.entrySet()) {
			Device device = snapshot.devices().get(e.getKey());
			SensorStore.State state = states.get(e.getKey());
			if (mayBeOffline(snapshot, device, state, now)) {
				returning.add(device.id());
			}
			List<Reading> fresh = e.getValue()
				.stream()
				.filter((r) -> r.at().isAfter(state.lastSeen()))
				.sorted(java.util.Comparator.comparing(Reading::at))
				.toList();
			if (fresh.isEmpty()) {
				continue; // late or redelivered: stored, not evaluated again
			}
			RuleEngine.Outcome outcome = RuleEngine
				.evaluate(snapshot.rules().getOrDefault(device.typeCode(), List.of()), state.memory(), fresh);
			Map<String, Double> values = new HashMap<>();
			fresh.forEach((r) -> values.put(r.metric(), r.value()));
			Instant seen = fresh.get(fresh.size() - 1).at();
			updates.add(new SensorStore.Update(device.id(), seen, values, outcome.memory()));
			if (device.gatewayId() != null) {
				gateways.merge(device.gatewayId(), seen, (a, b) -> a.isAfter(b) ? a : b);
			}
			outcome.decisions().forEach((d) -> apply(device, d, now));
		}
		if (!updates.isEmpty()) {
			this.store.updateStates(updates);
		}
		if (!returning.isEmpty()) {
			for (Long id : this.store.clearOffline(returning, now)) {
				this.events.publishEvent(new SensorEvents.AlarmCleared(id, null, "OFFLINE", "sensor", now));
			}
		}
		this.store.touchGateways(gateways);
	}

	/**
	 * Whether the device was silent long enough before this batch to have an offline
	 * alarm.
	 */
	private static boolean mayBeOffline(Registry.Snapshot snapshot, Device device, SensorStore.State state,
			Instant now) {
		for (Rule rule : snapshot.rules().getOrDefault(device.typeCode(), List.of())) {
			if (rule.kind().equals("NO_DATA") && state.lastSeen().isBefore(now.minusSeconds(rule.seconds()))) {
				return true;
			}
		}
		return false;
	}

	private void apply(Device device, RuleEngine.Decision d, Instant now) {
		switch (d.kind()) {
			case RAISE, REPEAT -> {
				SensorStore.Raised raised = this.store.raise(device.id(), d.rule(), d.value(), d.at());
				if (raised.inserted()) {
					this.events.publishEvent(new SensorEvents.AlarmRaised(raised.id(), device.id(), d.rule().code(),
							d.rule().severity(), d.value(), device.unitCode(), d.at()));
					if ("AUTO".equals(d.rule().caseMode())) {
						this.events.publishEvent(Alarms.needsCase(raised.id(), device, d.rule(), d.value(), d.at()));
					}
				}
			}
			case CLEAR -> {
				Long id = this.store.clear(device.id(), d.rule().id(), "sensor", d.at());
				if (id != null) {
					this.events.publishEvent(
							new SensorEvents.AlarmCleared(id, device.id(), d.rule().code(), "sensor", d.at()));
				}
			}
			case SUPPRESSED -> this.meters.counter("cityops.sensors.flapping", "rule", d.rule().code()).increment();
		}
	}

}
