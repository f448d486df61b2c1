package org.cityops.hotline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the hotline API as the demo staff (password cityops-demo) or as the hotline
 * centre's system (the demo API key).
 */
class HotlineClient {

	static final String CENTRE = "centre";

	static final String KEY = "cityops-demo-hotline-key";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final TestRestTemplate rest;

	HotlineClient(TestRestTemplate rest) {
		this.rest = rest;
	}

	/** A fresh order number, unique across the test JVM. */
	static String number(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
	}

	/** A complaint about rubbish at 莲花公寓 (east area: the demo handler's department). */
	static Map<String, Object> order(String number, Instant received) {
		Map<String, Object> o = new HashMap<>();
		o.put("number", number);
		o.put("receivedAt", OffsetDateTime.ofInstant(received, ZoneOffset.ofHours(8)).toString());
		o.put("callerName", "张三丰");
		o.put("callerPhone", "13812345678");
		o.put("type", "投诉");
		o.put("address", "莲花公寓");
		o.put("content", "小区门口私搭乱建彩钢板棚，影响通行");
		return o;
	}

	ResponseEntity<JsonNode> exchange(String who, HttpMethod method, String url, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (who.equals(CENTRE)) {
			headers.set("X-API-Key", KEY);
		}
		TestRestTemplate client = who.equals(CENTRE) ? this.rest : this.rest.withBasicAuth(who, "cityops-demo");
		return client.exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> post(String who, String url, Object body) {
		return exchange(who, HttpMethod.POST, url, body);
	}

	ResponseEntity<JsonNode> get(String who, String url) {
		return exchange(who, HttpMethod.GET, url, null);
	}

	/** Sends the order as the centre; answers its id. */
	long send(Map<String, Object> order) {
		ResponseEntity<JsonNode> response = post(CENTRE, "/api/v1/hotline/orders", order);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().path("id").asLong();
	}

	JsonNode act(String who, long id, String action, Map<String, Object> body) {
		return ok(post(who, "/api/v1/hotline/orders/" + id + "/" + action, body));
	}

	ResponseEntity<JsonNode> tryAct(String who, long id, String action, Map<String, Object> body) {
		return post(who, "/api/v1/hotline/orders/" + id + "/" + action, body);
	}

	JsonNode view(String who, long id) {
		return ok(get(who, "/api/v1/hotline/orders/" + id));
	}

	/** Sends an order about 莲花公寓 and confirms it as a 私搭乱建 case (to the handler). */
	long dispatched(String prefix, Instant received) {
		long id = send(order(number(prefix), received));
		act("operator", id, "confirm", Map.of("categoryCode", "06001"));
		return id;
	}

	static JsonNode ok(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

}
