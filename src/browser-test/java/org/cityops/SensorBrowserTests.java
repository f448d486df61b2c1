package org.cityops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sensors as the operations centre sees them: a smoke reading turns a dot red on the live
 * map and puts an alarm with its case on the alarm list; a tilted manhole cover is marked
 * a false alarm; the device page draws its readings.
 */
class SensorBrowserTests extends BrowserTest {

	@Test
	void anAlarmShowsOnTheMapAndTheListAndAFalseAlarmIsCleared() throws Exception {
		String place = api("operator", "GET", "/api/v1/grid/geocode?q=" + java.net.URLEncoder.encode("莲花公寓",
				StandardCharsets.UTF_8), "application/json", "");
		String lon = place.replaceAll("(?s).*\"point\":\\{\"lon\":([0-9.]+).*", "$1");
		String lat = place.replaceAll("(?s).*\"point\":\\{\"lon\":[0-9.]+,\"lat\":([0-9.]+).*", "$1");
		String smoke = "SMK-B" + System.currentTimeMillis() % 100000;
		String manhole = "MHC-B" + System.currentTimeMillis() % 100000;
		api("admin", "POST", "/api/v1/sensors/devices", "text/csv",
				"id,type,lon,lat,building,household,installed_on,gateway\n" + smoke + ",SMOKE," + lon + "," + lat
						+ ",5号楼,,2025-01-01,\n" + manhole + ",MANHOLE_TILT," + lon + "," + lat + ",,,,\n");
		String now = Instant.now().toString();
		apiWithKey(apiKey("sensors"), "POST", "/api/v1/sensors/readings", "application/json",
				"{\"readings\":[{\"deviceId\":\"" + smoke + "\",\"ts\":\"" + now
						+ "\",\"values\":{\"smoke\":1,\"battery\":80}},{\"deviceId\":\"" + manhole + "\",\"ts\":\""
						+ now + "\",\"values\":{\"tilt_deg\":35}}]}");

		Page centre = browser().signedIn("operator", 1400, 900);
		centre.navigate(browser().url("/sensors"));
		assertThat(centre.locator("#sensor-counts[data-ready=true]")).containsText("告警 2");
		BrowserSession.screenshot(centre, "sensors-map");
		centre.navigate(browser().url("/sensors/alarms"));
		assertThat(centre.locator("#alarm-table tr[data-device='" + smoke + "']")).containsText("烟雾报警");
		centre.waitForCondition(() -> {
			centre.reload();
			return centre.locator("#alarm-table tr[data-device='" + smoke + "'] td a[href^='/cases/']").count() == 1;
		});
		BrowserSession.screenshot(centre, "sensors-alarms");
		centre.click("#alarm-table tr[data-device='" + manhole + "'] button[data-action=false]");
		assertThat(centre.locator("#flash")).isVisible();
		assertThat(centre.locator("#alarm-table tr[data-device='" + manhole + "']")).hasCount(0);
		centre.navigate(browser().url("/sensors/devices/" + smoke));
		assertThat(centre.locator("#reading-chart[data-ready=true]")).isVisible();
		assertThat(centre.locator("#last-values")).containsText("smoke");
		BrowserSession.screenshot(centre, "sensors-device");
		centre.context().close();
	}

}
