package org.cityops;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: the application on a random port and one Chromium per test class, started on first use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	private static BrowserSession browser;

	@LocalServerPort
	int port;

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
