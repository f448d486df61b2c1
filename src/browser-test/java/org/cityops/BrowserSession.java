package org.cityops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real Chromium (Debian's {@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}) driven by Playwright. Playwright's
 * own browser download cannot work offline, so it is switched off.
 */
final class BrowserSession implements AutoCloseable {

	private final Playwright playwright;

	private final Browser browser;

	private final String baseUrl;

	BrowserSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(executable))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	/** A new page in a fresh context, signed in with the given demo account. */
	Page signedIn(String username, int width, int height) {
		BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
		Page page = context.newPage();
		page.onConsoleMessage((message) -> System.out.println("[browser console] " + message.text()));
		page.onPageError((error) -> System.out.println("[browser error] " + error));
		page.onResponse((response) -> {
			if (response.status() >= 400) {
				System.out.println("[browser] " + response.status() + " " + response.url());
			}
		});
		page.navigate(this.baseUrl + "/login");
		page.fill("#username", username);
		page.fill("#password", "cityops-demo");
		page.click("button[type=submit]");
		page.waitForURL(this.baseUrl + "/");
		return page;
	}

	String url(String path) {
		return this.baseUrl + path;
	}

	static void screenshot(Page page, String name) {
		try {
			Path dir = Paths.get("target", "screenshots");
			Files.createDirectories(dir);
			page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(false));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
