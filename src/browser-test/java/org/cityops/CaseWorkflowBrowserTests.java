package org.cityops;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A case walked through the pages in Chromium by the people who handle it in Taopu: the inspector reports it on a
 * phone with a photo, the operations centre registers and dispatches it, the city-management team accepts it and feeds
 * back, the inspector verifies it on site, and the centre closes it.
 */
class CaseWorkflowBrowserTests extends BrowserTest {

	private void act(String user, String caseUrl, String action, String note, String expectedStatus) {
		Page page = browser().signedIn(user, 1280, 900);
		page.navigate(caseUrl);
		if (note != null) {
			page.locator("form[data-action=" + action + "] textarea[name=note]").fill(note);
		}
		page.locator("form[data-action=" + action + "] button[type=submit]").click();
		assertThat(page.locator("#flash")).isVisible();
		assertThat(page.locator("#case-status")).hasAttribute("data-status", expectedStatus);
		BrowserSession.screenshot(page, "case-" + action);
		page.context().close();
	}

	@Test
	void aCaseGoesFromTheInspectorsPhoneToClosure() throws Exception {
		Page phone = browser().signedIn("inspector", 390, 844);
		phone.navigate(browser().url("/cases/new"));
		phone.waitForSelector("#pick-map[data-ready=true]");
		phone.selectOption("#categoryCode", "06001");
		phone.fill("#description", "莲花公寓门口私搭乱建彩钢板棚");
		phone.fill("#address", "莲花公寓");
		Path photo = Files.createTempFile("before", ".png");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", photo.toFile());
		phone.setInputFiles("input[name=before]", photo);
		BrowserSession.screenshot(phone, "case-report-phone");
		phone.click("#report-form button[type=submit]");
		assertThat(phone.locator("#case-status")).hasAttribute("data-status", "REPORTED");
		assertThat(phone.locator(".photos img")).hasCount(1);
		String caseUrl = phone.url();
		phone.context().close();

		act("operator", caseUrl, "register", "属实，立案", "REGISTERED");
		act("operator", caseUrl, "dispatch", null, "DISPATCHED");
		act("handler", caseUrl, "accept", null, "ACCEPTED");
		// the department may ask for more time; the centre only decides once asked
		Page handlerPage = browser().signedIn("handler", 1280, 900);
		handlerPage.navigate(caseUrl);
		assertThat(handlerPage.locator("form[data-action=postpone] input[name=workingDays]")).isVisible();
		handlerPage.context().close();
		Page centre = browser().signedIn("operator", 1280, 900);
		centre.navigate(caseUrl);
		assertThat(centre.locator("form[data-action=postpone]")).hasCount(0);
		assertThat(centre.locator("form[data-action=supervise]")).hasCount(1);
		centre.context().close();
		act("handler", caseUrl, "handle", "已拆除彩钢板棚", "HANDLED");
		act("inspector", caseUrl, "verify", "现场已恢复", "VERIFIED");
		act("operator", caseUrl, "close", "结案", "CLOSED");

		Page operator = browser().signedIn("operator", 1280, 900);
		operator.navigate(caseUrl);
		assertThat(operator.locator("#timeline li")).hasCount(7);
		assertThat(operator.locator("#timeline")).containsText("已拆除彩钢板棚");
		BrowserSession.screenshot(operator, "case-closed");
		operator.navigate(browser().url("/cases"));
		assertThat(operator.locator("table.cases")).containsText("私搭乱建");
		BrowserSession.screenshot(operator, "case-console");
	}

	@Test
	void aDepartmentSeesItsTasksAndAWrongStepIsExplained() {
		Page handler = browser().signedIn("handler", 1280, 900);
		handler.navigate(browser().url("/cases/tasks"));
		assertThat(handler.locator("h1")).hasText("我的待办");
		Page operator = browser().signedIn("operator", 1280, 900);
		operator.navigate(browser().url("/cases/new"));
		operator.waitForSelector("#pick-map[data-ready=true]");
		operator.selectOption("#categoryCode", "06001");
		operator.fill("#description", "测试");
		operator.fill("#address", "不存在路5号");
		operator.click("#report-form button[type=submit]");
		assertThat(operator.locator("#report-error")).containsText("不存在路");
	}

}
