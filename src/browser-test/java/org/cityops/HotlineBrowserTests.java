package org.cityops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A 12345 order through the pages: the operations centre imports the hotline centre's
 * spreadsheet and confirms an order into a case; the city-management team sees the
 * caller in full (logged), records the first contact and concludes; the centre records a
 * dissatisfied callback and the order goes to re-handling; the figures page shows it.
 */
class HotlineBrowserTests extends BrowserTest {

	@Test
	void anImportedOrderIsConfirmedContactedConcludedAndCalledBack() throws Exception {
		String number = "BR" + System.currentTimeMillis();
		String received = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
			.minusHours(1)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString()
			.replace('T', ' ');
		Path csv = Files.createTempFile("orders", ".csv");
		Files.writeString(csv, "工单编号,受理时间,来电人,联系电话,诉求类型,诉求地址,诉求内容\n" + number + "," + received
				+ ",李四,13912345678,投诉,莲花公寓,小区门口私搭乱建彩钢板棚\n" + number + "-X,明天,,,投诉,,没有地址\n" + number + "-R,"
				+ received + ",赵六,13700000000,投诉,莲花公寓,相邻街道施工噪音\n");

		Page centre = browser().signedIn("operator", 1280, 900);
		centre.navigate(browser().url("/hotline/import"));
		centre.setInputFiles("#import-form input[name=file]", csv);
		centre.click("#import-form button[type=submit]");
		assertThat(centre.locator("#import-rows tr[data-action=CREATE]")).hasCount(2);
		assertThat(centre.locator("#import-rows tr[data-action=ERROR]")).containsText("受理时间");
		assertThat(centre.locator("#import-rows")).containsText("139****5678");
		BrowserSession.screenshot(centre, "hotline-import-report");
		centre.click("#apply-import");
		assertThat(centre.locator("#applied")).isVisible();
		assertThat(centre.locator("#import-status")).containsText("已导入");

		centre.navigate(browser().url("/hotline?q=" + number));
		assertThat(centre.locator("#hotline-table tr[data-number='" + number + "']")).containsText("李*");
		BrowserSession.screenshot(centre, "hotline-queue");
		centre.click("#hotline-table a:text('" + number + "')");
		assertThat(centre.locator("#order-status")).hasAttribute("data-status", "RECEIVED");
		centre.selectOption("form[data-action=confirm] select[name=categoryCode]", "06001");
		BrowserSession.screenshot(centre, "hotline-order-received");
		centre.click("form[data-action=confirm] button[type=submit]");
		assertThat(centre.locator("#order-status")).hasAttribute("data-status", "DISPATCHED");
		assertThat(centre.locator("#case-link")).isVisible();
		String orderUrl = centre.url();
		centre.context().close();

		Page team = browser().signedIn("handler", 1280, 900);
		team.navigate(orderUrl);
		assertThat(team.locator("#caller")).containsText("139****5678");
		team.click("#reveal-caller");
		assertThat(team.locator("#caller")).containsText("13912345678");
		team.locator("form[data-action=contact] textarea[name=said]").fill("来电人确认棚子仍在");
		team.click("form[data-action=contact] button[type=submit]");
		assertThat(team.locator("#flash")).isVisible();
		team.locator("form[data-action=conclude] textarea[name=text]").fill("已责令拆除，通道恢复");
		team.click("form[data-action=conclude] button[type=submit]");
		assertThat(team.locator("#order-status")).hasAttribute("data-status", "CONCLUDED");
		assertThat(team.locator("#order-reply")).containsText("已责令拆除");
		team.context().close();

		Page callback = browser().signedIn("operator", 1280, 900);
		callback.navigate(orderUrl);
		assertThat(callback.locator("#caller-views")).containsText("handler");
		callback.selectOption("form[data-action=callback] select[name=result]", "DISSATISFIED");
		callback.click("form[data-action=callback] input[name=solved][value=false]");
		callback.click("form[data-action=callback] button[type=submit]");
		assertThat(callback.locator("#order-status")).hasAttribute("data-status", "REHANDLING");
		assertThat(callback.locator("#timeline")).containsText("转入重办");
		BrowserSession.screenshot(callback, "hotline-order-rehandling");

		callback.navigate(browser().url("/hotline/kpis"));
		assertThat(callback.locator("#kpi-town .kpi[data-kpi=satisfactionRate] .kpi-value")).not().hasText("—");
		BrowserSession.screenshot(callback, "hotline-kpis");
		callback.context().close();
	}

	@Test
	void aDepartmentAsksToReturnAnOrderAndTheCentreDecides() throws Exception {
		String number = "RT" + System.currentTimeMillis();
		String received = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
			.minusHours(2)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString()
			.replace('T', ' ');
		Path csv = Files.createTempFile("orders", ".csv");
		Files.writeString(csv, "工单编号,受理时间,诉求类型,诉求地址,诉求内容\n" + number + "," + received + ",投诉,莲花公寓,相邻街道施工噪音\n");
		Page centre = browser().signedIn("operator", 1280, 900);
		centre.navigate(browser().url("/hotline/import"));
		centre.setInputFiles("#import-form input[name=file]", csv);
		centre.click("#import-form button[type=submit]");
		centre.click("#apply-import");
		centre.navigate(browser().url("/hotline?q=" + number));
		centre.click("#hotline-table a:text('" + number + "')");
		centre.selectOption("form[data-action=confirm] select[name=categoryCode]", "06001");
		centre.click("form[data-action=confirm] button[type=submit]");
		String orderUrl = centre.url();
		centre.context().close();

		Page team = browser().signedIn("handler", 1280, 900);
		team.navigate(orderUrl);
		team.selectOption("form[data-action=request-return] select[name=reason]", "NOT_OUR_AREA");
		team.locator("form[data-action=request-return] textarea[name=text]").fill("施工地点在真如镇街道");
		team.click("form[data-action=request-return] button[type=submit]");
		assertThat(team.locator("#order-status")).hasAttribute("data-status", "RETURN_REQUESTED");
		team.context().close();

		Page decide = browser().signedIn("operator", 1280, 900);
		decide.navigate(orderUrl);
		decide.click("form[data-action=decide-return] input[name=approve][value=false]");
		decide.click("form[data-action=decide-return] button[type=submit]");
		assertThat(decide.locator("#order-status")).hasAttribute("data-status", "DISPATCHED");
		assertThat(decide.locator("#timeline")).containsText("退单不予同意");
		decide.context().close();

		Page again = browser().signedIn("handler", 1280, 900);
		again.navigate(orderUrl);
		again.selectOption("form[data-action=request-return] select[name=reason]", "OWNERSHIP_UNCLEAR");
		again.click("form[data-action=request-return] button[type=submit]");
		again.context().close();
		Page approve = browser().signedIn("operator", 1280, 900);
		approve.navigate(orderUrl);
		approve.click("form[data-action=decide-return] button[type=submit]");
		assertThat(approve.locator("#order-status")).hasAttribute("data-status", "RETURNED");
		BrowserSession.screenshot(approve, "hotline-order-returned");
		approve.context().close();
	}

	@Test
	void aWrongFileIsExplainedAndThePagesWorkInEnglishOnAPhone() throws Exception {
		Path png = Files.createTempFile("photo", ".png");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", png.toFile());
		Page centre = browser().signedIn("operator", 390, 844);
		centre.navigate(browser().url("/hotline/import?lang=en"));
		centre.setInputFiles("#import-form input[name=file]", png);
		centre.click("#import-form button[type=submit]");
		assertThat(centre.locator("#import-error")).containsText("neither an Excel workbook");
		centre.navigate(browser().url("/hotline"));
		assertThat(centre.locator("h1")).hasText("12345 hotline orders");
		BrowserSession.screenshot(centre, "hotline-queue-phone-en");
		centre.navigate(browser().url("/hotline?lang=zh-CN"));
		centre.context().close();
	}

}
