package org.smgwlite.platform.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
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

    /** An English (US) browser with a 1400 x 1400 window. */
    Browser() {
        this("en-US", 1400, 1400);
    }

    /**
     * A browser that asks for {@code language} (Accept-Language and navigator.language, e.g. de-DE) with a window of
     * {@code width} x {@code height} CSS pixels (390 wide is a phone).
     */
    Browser(String language, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("smgw.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + width + "," + height, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("smgw.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        // a grid re-renders its cells while they are read: a stale cell is asked again, not a failure
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Opens {@code url}, expects Keycloak's login form, signs in and waits to be back on the platform. */
    void signIn(String url, String username, String password) {
        driver.get(url);
        until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")), "Keycloak login form");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        String platform = url.substring(0, url.indexOf("/ui/") + 4);
        until(d -> d.getCurrentUrl().startsWith(platform), "back on " + platform + " after signing in as " + username);
    }

    /**
     * Loads {@code url} and waits until Vaadin's client has finished talking to the server (navigation, forwards and
     * error views included), so that title and text are final.
     */
    void openAndSettle(String url) {
        driver.get(url);
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const f = window.Vaadin && window.Vaadin.Flow; const c = f && f.clients ? Object.values(f.clients) : [];"
                        + " return document.readyState === 'complete' && c.length > 0 && c.every(x => !x.isActive || !x.isActive());")),
                "Vaadin idle at " + url);
    }

    WebElement await(String id) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)), "#" + id);
    }

    /** Waits until the field can take input: a field the view enables after a server round trip is not typed into early. */
    /**
     * Types into a date picker and confirms with Enter: on a phone its overlay opens on focus and a Tab leaves the typed
     * date uncommitted.
     */
    void typeDate(String fieldId, String value) {
        WebElement input = until(ExpectedConditions.elementToBeClickable(await(fieldId).findElement(By.tagName("input"))),
                "#" + fieldId + " enabled");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.ENTER);
    }

    void type(String fieldId, String value) {
        WebElement input = until(ExpectedConditions.elementToBeClickable(await(fieldId).findElement(By.tagName("input"))),
                "#" + fieldId + " enabled");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    /** Scrolls the element into the middle of the window first, so that no header or toast covers it. */
    void click(String id) {
        WebElement element = await(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        until(ExpectedConditions.elementToBeClickable(element), "#" + id + " clickable").click();
    }

    boolean isInvalid(String fieldId) {
        return driver.findElement(By.id(fieldId)).getAttribute("invalid") != null;
    }

    /** Waits for a field the server marks invalid after a round trip (a service's field error). */
    void awaitInvalid(String fieldId) {
        until(d -> isInvalid(fieldId), "#" + fieldId + " invalid");
    }

    /** Waits until the field shows an error message containing {@code fragment} (set by the server's answer). */
    void awaitErrorMessage(String fieldId, String fragment) {
        until(d -> {
            String message = errorMessage(fieldId);
            return message != null && message.contains(fragment);
        }, "#" + fieldId + " error containing '" + fragment + "'");
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
        until(d -> gridCells(gridId).contains(text) == present, (present ? "" : "no ") + "cell '" + text + "' in #" + gridId);
    }

    void clickGridCell(String gridId, String text) {
        await(gridId);
        WebElement cell = driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(e -> e.getAttribute("textContent").strip().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no grid cell " + text));
        // below the fold a toast or the page's end can cover it: into the middle of the window first
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", cell);
        cell.click();
    }

    /** Clicks the confirm button of the open Vaadin confirm dialog. */
    void confirm() {
        until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-confirm-dialog-overlay[opened] [slot='confirm-button']")), "confirm dialog").click();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void awaitText(String text) {
        until(d -> pageText().contains(text), "text '" + text + "'");
    }

    /**
     * Waits for {@code condition}; on time-out keeps a screenshot and the page source under
     * {@code target/browser-failures/} so that a red CI run shows what the browser saw.
     */
    <T> T until(Function<? super WebDriver, T> condition, String what) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            String name = "failure-" + System.currentTimeMillis();
            try {
                Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            } catch (IOException | RuntimeException dumpFailed) {
                e.addSuppressed(dumpFailed);
            }
            throw new TimeoutException("waited in vain for " + what + " at " + driver.getCurrentUrl()
                    + " (screenshot target/browser-failures/" + name + ".png)", e);
        }
    }

    /** The value of a Vaadin field's input (a date picker shows its date there, in the page's format). */
    String inputValue(String fieldId) {
        return await(fieldId).findElement(By.tagName("input")).getAttribute("value");
    }

    /** Every Vaadin grid on the page whose columns do not fit its width (the user would have to scroll it sideways). */
    @SuppressWarnings("unchecked")
    List<String> gridsScrollingSideways() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                for (const g of document.querySelectorAll('vaadin-grid')) {
                  const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                  if (t && t.scrollWidth > t.clientWidth + 1) out.push((g.id || 'grid') + ' ' + t.scrollWidth + ' > ' + t.clientWidth);
                }
                return out;""");
    }

    /**
     * What a user sees as cut off sideways: the page itself scrolling sideways, elements (by CSS selector) whose
     * right edge lies beyond the window, and elements whose content is wider than they are without scrolling it
     * (a grid scrolls its own columns, so it counts only by its edge).
     */
    @SuppressWarnings("unchecked")
    List<String> clippedHorizontally(String selector) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const out = [];
                const vw = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth > vw + 1) {
                  out.push('page ' + document.documentElement.scrollWidth + ' > ' + vw);
                }
                for (const e of document.querySelectorAll(arguments[0])) {
                  const r = e.getBoundingClientRect();
                  if (r.right > vw + 1) out.push((e.id || e.tagName) + ' ends at ' + r.right + ' > ' + vw);
                  const x = getComputedStyle(e).overflowX;
                  if (e.tagName !== 'VAADIN-GRID' && e.scrollWidth > e.clientWidth + 1 && x !== 'auto' && x !== 'scroll') {
                    out.push((e.id || e.tagName) + ' clips ' + e.scrollWidth + ' > ' + e.clientWidth);
                  }
                }
                return out;""", selector);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
