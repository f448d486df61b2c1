package org.cityops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser test: the application on a random port and one Chromium per test class, started on first use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	private static BrowserSession browser;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** A call to the API as a staff member (HTTP Basic), asserting a 2xx answer. */
	String api(String user, String method, String path, String type, String body) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(browser().url(path)))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":cityops-demo").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
		return r.body();
	}

	/** Calls the API as a machine client with its API key. */
	String apiWithKey(String key, String method, String path, String type, String body) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(browser().url(path)))
			.header("X-API-Key", key)
			.header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
		return r.body();
	}

	/**
	 * A new machine client of the scope (a sensors one for every device); answers its key.
	 */
	String apiKey(String scope) throws Exception {
		String devices = scope.equals("sensors") ? ",\"devices\":[\"*\"]" : "";
		String created = api("admin", "POST", "/api/v1/system/api-clients", "application/json", "{\"name\":\"browser-"
				+ scope + "-" + System.nanoTime() + "\",\"scopes\":[\"" + scope + "\"]" + devices + "}");
		return new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).path("key").asText();
	}

	BrowserSession browser() {
		if (browser == null) {
			browser = new BrowserSession(this.port);
		}
		return browser;
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

}
