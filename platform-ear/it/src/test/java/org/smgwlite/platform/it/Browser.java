package org.smgwlite.platform.it;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver (never a downloaded browser), with
 * the few moves the tests make on Keycloak's login page and on Vaadin components.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("smgw.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("smgw.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens {@code url}, expects Keycloak's login form, signs in and waits to be back on the platform. */
    void signIn(String url, String username, String password) {
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(url.substring(0, url.indexOf("/ui/") + 4)));
    }

    WebElement await(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String fieldId, String value) {
        WebElement input = await(fieldId).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    void click(String id) {
        await(id).click();
    }

    boolean isInvalid(String fieldId) {
        return driver.findElement(By.id(fieldId)).getAttribute("invalid") != null;
    }

    String errorMessage(String fieldId) {
        return driver.findElement(By.id(fieldId)).getAttribute("errorMessage");
    }

    /** The text of every rendered cell of a Vaadin grid. */
    List<String> gridCells(String gridId) {
        await(gridId);
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(e -> e.getAttribute("textContent").strip())
                .toList();
    }

    void awaitGridCell(String gridId, String text, boolean present) {
        wait.until(d -> gridCells(gridId).contains(text) == present);
    }

    void clickGridCell(String gridId, String text) {
        await(gridId);
        driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(e -> e.getAttribute("textContent").strip().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no grid cell " + text))
                .click();
    }

    /** Clicks the confirm button of the open Vaadin confirm dialog. */
    void confirm() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']"))).click();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void awaitText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
