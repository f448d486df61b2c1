package org.cityops.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for case intake over HTTP against a running CityOps (loopback only).
 * Modes:
 * <ul>
 * <li>{@code max SECONDS CONCURRENCY}: as many reports as CONCURRENCY closed-loop clients
 * can send;</li>
 * <li>{@code rate SECONDS PER_SECOND}: an open-loop schedule at a fixed rate, latency
 * measured from each request's scheduled time (so a stall is not hidden);</li>
 * <li>{@code lifecycle CASES CONCURRENCY}: each case reported, registered, dispatched,
 * accepted, handled, verified and closed.</li>
 * </ul>
 * Usage: {@code IntakeLoad http://127.0.0.1:8090 max 30 32}. Prints one summary line per
 * run.
 */
public final class IntakeLoad {

	private static final String[] CATEGORIES = { "06010", "06012", "06036", "06001", "07001", "09001", "06042", "06007",
			"01001", "06013" };

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(8))
		.build();

	private final String auth = "Basic "
			+ Base64.getEncoder().encodeToString("admin:cityops-demo".getBytes(StandardCharsets.UTF_8));

	private final List<double[]> points = new ArrayList<>();

	/**
	 * The first few refusals, printed after a run so that a failure count is never
	 * unexplained.
	 */
	private final java.util.Queue<String> refusals = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private IntakeLoad(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: IntakeLoad BASE_URL max|rate|lifecycle AMOUNT CONCURRENCY_OR_RATE");
			System.exit(2);
		}
		URI base = URI.create(args[0]);
		if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
			throw new IllegalArgumentException("Load is only sent to this machine (127.0.0.1 / localhost)");
		}
		IntakeLoad load = new IntakeLoad(args[0]);
		load.findPoints();
		int amount = Integer.parseInt(args[2]);
		int n = Integer.parseInt(args[3]);
		switch (args[1]) {
			case "max" -> load.max(amount, n);
			case "rate" -> load.rate(amount, n);
			case "lifecycle" -> load.lifecycle(amount, n);
			default -> throw new IllegalArgumentException("mode must be max, rate or lifecycle");
		}
		System.exit(0);
	}

	/** Points that lie in a unit, found once through the locate API. */
	private void findPoints() throws Exception {
		Random random = new Random(1);
		for (int i = 0; i < 3000 && this.points.size() < 500; i++) {
			double lon = 121.33 + random.nextDouble() * 0.095;
			double lat = 31.262 + random.nextDouble() * 0.04;
			HttpResponse<String> r = send(get("/api/v1/grid/locate?lon=" + lon + "&lat=" + lat));
			if (r.statusCode() == 200 && r.body().contains("\"unit\"")) {
				this.points.add(new double[] { lon, lat });
			}
		}
		if (this.points.isEmpty()) {
			throw new IllegalStateException("No point of the grid found; is the demo grid loaded?");
		}
	}

	private void max(int seconds, int concurrency) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Latencies latencies = new Latencies();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long started = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			int seed = t;
			pool.submit(() -> {
				Random random = new Random(seed);
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					boolean success = report(random) > 0;
					latencies.add(System.nanoTime() - t0);
					(success ? ok : failed).incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - started) / 1e9;
		System.out.printf(Locale.ROOT, "max: %d clients, %.1f s, %d created, %d failed, %.0f cases/s, %s%n",
				concurrency, elapsed, ok.get(), failed.get(), ok.get() / elapsed, latencies.summary());
		printRefusals();
	}

	private void rate(int seconds, int perSecond) throws Exception {
		int total = seconds * perSecond;
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		ExecutorService workers = Executors.newFixedThreadPool(128);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger issued = new AtomicInteger();
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
		Latencies latencies = new Latencies();
		long start = System.nanoTime() + 100_000_000L;
		long periodNanos = 1_000_000_000L / perSecond;
		clock.scheduleAtFixedRate(() -> {
			long now = System.nanoTime();
			while (issued.get() < total && start + issued.get() * periodNanos <= now) {
				long scheduled = start + issued.getAndIncrement() * periodNanos;
				workers.submit(() -> {
					try {
						boolean success = report(new Random(scheduled)) > 0;
						latencies.add(System.nanoTime() - scheduled);
						(success ? ok : failed).incrementAndGet();
					}
					finally {
						done.countDown();
					}
				});
			}
		}, 0, 1, TimeUnit.MILLISECONDS);
		done.await(seconds + 120L, TimeUnit.SECONDS);
		clock.shutdown();
		workers.shutdown();
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "rate: %d/s target, %.1f s, %d created, %d failed, %.0f cases/s achieved, %s%n",
				perSecond, elapsed, ok.get(), failed.get(), ok.get() / elapsed, latencies.summary());
		printRefusals();
	}

	private void lifecycle(int cases, int concurrency) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger closed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicLong requests = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long started = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			pool.submit(() -> {
				Random random = new Random();
				while (next.getAndIncrement() < cases) {
					long id = report(random);
					requests.incrementAndGet();
					boolean okSoFar = id > 0;
					for (String[] step : new String[][] { { "register", "{}" }, { "dispatch", "{}" },
							{ "accept", "{}" }, { "handle", "{\"note\":\"已处置\"}" }, { "verify", "{\"passed\":true}" },
							{ "close", "{}" } }) {
						if (!okSoFar) {
							break;
						}
						okSoFar = send(post("/api/v1/cases/" + id + "/" + step[0], step[1])).statusCode() == 200;
						requests.incrementAndGet();
					}
					(okSoFar ? closed : failed).incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(6, TimeUnit.HOURS);
		double elapsed = (System.nanoTime() - started) / 1e9;
		System.out.printf(Locale.ROOT,
				"lifecycle: %d cases, %d clients, %.1f s, %d closed, %d failed, %.0f cases/s, %.0f requests/s%n", cases,
				concurrency, elapsed, closed.get(), failed.get(), closed.get() / elapsed, requests.get() / elapsed);
		printRefusals();
	}

	private long report(Random random) {
		double[] p = this.points.get(random.nextInt(this.points.size()));
		String body = String.format(Locale.ROOT,
				"{\"channel\":\"INSPECTOR\",\"categoryCode\":\"%s\",\"description\":\"负载测试\",\"lon\":%.7f,\"lat\":%.7f}",
				CATEGORIES[random.nextInt(CATEGORIES.length)], p[0], p[1]);
		try {
			HttpResponse<String> r = send(post("/api/v1/cases", body));
			if (r.statusCode() != 201) {
				if (this.refusals.size() < 5) {
					this.refusals.add(r.statusCode() + " " + r.body());
				}
				return -1;
			}
			Matcher m = ID.matcher(r.body());
			return m.find() ? Long.parseLong(m.group(1)) : -1;
		}
		catch (Exception ex) {
			if (this.refusals.size() < 5) {
				this.refusals.add(ex.toString());
			}
			return -1;
		}
	}

	private void printRefusals() {
		this.refusals.forEach((r) -> System.out.println("  refused: " + r));
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", this.auth).GET().build();
	}

	private HttpRequest post(String path, String json) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.auth)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Latencies in nanoseconds, kept whole so percentiles are exact. */
	private static final class Latencies {

		private long[] values = new long[1 << 16];

		private int size;

		synchronized void add(long nanos) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = nanos;
		}

		synchronized String summary() {
			long[] sorted = Arrays.copyOf(this.values, this.size);
			Arrays.sort(sorted);
			return String.format(Locale.ROOT, "latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f", pct(sorted, 0.50),
					pct(sorted, 0.95), pct(sorted, 0.99), (sorted.length > 0) ? sorted[sorted.length - 1] / 1e6 : 0);
		}

		private static double pct(long[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
		}

	}

}
