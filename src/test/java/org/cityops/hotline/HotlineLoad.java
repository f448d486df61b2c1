package org.cityops.hotline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for hotline intake against a running CityOps (loopback only), the two
 * ways orders arrive, with the same per-order work (parse, gazetteer, category
 * suggestions, insert):
 * <ul>
 * <li>{@code api ORDERS CONCURRENCY}: the centre's system posts new orders with its API
 * key, closed loop;</li>
 * <li>{@code import ROWS}: one spreadsheet of ROWS orders is uploaded (checked row by
 * row) and applied (one transaction).</li>
 * </ul>
 * Usage: {@code HotlineLoad http://127.0.0.1:8090 import 5000}. Prints one summary line
 * per run.
 */
public final class HotlineLoad {

	private static final String[] ADDRESSES = { "莲花公寓", "武威路1082弄", "真南路822弄", "武威路1087弄", "桃浦某处小路" };

	private static final String[] CONTENT = { "小区门口垃圾堆放多日无人清运", "夜间施工噪音扰民", "私搭乱建彩钢板棚", "占道经营", "路灯不亮", "窨井盖缺失" };

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private HotlineLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String prefix = "L" + System.currentTimeMillis() % 100_000_000L;
		switch (args[1]) {
			case "api" -> api(base, prefix, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "import" -> imports(base, prefix, Integer.parseInt(args[2]));
			default -> throw new IllegalArgumentException("mode is api or import");
		}
	}

	private static String received() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).withNano(0).toString().replace('T', ' ');
	}

	private static void api(String base, String prefix, int orders, int concurrency) throws Exception {
		String received = received();
		AtomicInteger next = new AtomicInteger();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < orders) {
					String body = "{\"number\":\"" + prefix + "-" + i + "\",\"receivedAt\":\"" + received
							+ "\",\"callerName\":\"王先生\",\"callerPhone\":\"13800000000\",\"type\":\"投诉\",\"address\":\""
							+ ADDRESSES[i % ADDRESSES.length] + "\",\"content\":\"" + CONTENT[i % CONTENT.length]
							+ "\"}";
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/hotline/orders"))
						.header("Content-Type", "application/json")
						.header("X-API-Key", "cityops-demo-hotline-key")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							failures.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
					}
					latencies.add(System.nanoTime() - t0);
				}
				return null;
			}));
		}
		for (Future<?> f : workers) {
			f.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("api: %d orders in %.1f s = %.0f orders/s, p50 %.1f ms, p99 %.1f ms, failures %d%n", orders,
				seconds, orders / seconds, sorted.get(sorted.size() / 2) / 1e6,
				sorted.get((int) (sorted.size() * 0.99)) / 1e6, failures.get());
	}

	private static void imports(String base, String prefix, int rows) throws Exception {
		String received = received();
		Map<String, String> headers = new LinkedHashMap<>();
		for (String h : List.of("工单编号", "受理时间", "来电人", "联系电话", "诉求类型", "诉求地址", "诉求内容")) {
			headers.put(h, h);
		}
		List<Map<String, String>> data = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("工单编号", prefix + "-X" + i);
			row.put("受理时间", received);
			row.put("来电人", "李女士");
			row.put("联系电话", "13900000000");
			row.put("诉求类型", (i % 3 == 0) ? "咨询" : "投诉");
			row.put("诉求地址", ADDRESSES[i % ADDRESSES.length]);
			row.put("诉求内容", CONTENT[i % CONTENT.length]);
			data.add(row);
		}
		byte[] file = HotlineExport.xlsx("工单", headers, data);
		String operator = "Basic "
				+ Base64.getEncoder().encodeToString("operator:cityops-demo".getBytes(StandardCharsets.UTF_8));
		long t0 = System.nanoTime();
		HttpResponse<String> checked = HTTP
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hotline/imports?filename=load.xlsx"))
				.header("Content-Type", "application/octet-stream")
				.header("Authorization", operator)
				.POST(HttpRequest.BodyPublishers.ofByteArray(file))
				.build(), HttpResponse.BodyHandlers.ofString());
		double check = (System.nanoTime() - t0) / 1e9;
		if (checked.statusCode() != 201) {
			throw new IllegalStateException("check answered " + checked.statusCode() + ": " + checked.body());
		}
		String id = checked.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1");
		long t1 = System.nanoTime();
		HttpResponse<String> applied = HTTP
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hotline/imports/" + id + "/apply"))
				.header("Authorization", operator)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		double apply = (System.nanoTime() - t1) / 1e9;
		System.out.printf("import: %d rows (%d KB xlsx): check %.2f s (%.0f rows/s), apply %.2f s (%.0f rows/s): %s%n",
				rows, file.length / 1024, check, rows / check, apply, rows / apply, applied.body());
	}

}
