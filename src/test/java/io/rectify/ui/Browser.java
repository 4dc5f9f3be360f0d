package io.rectify.ui;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the browser tests: Debian's chromium and chromedriver, set explicitly
 * so Selenium Manager never runs (it would download a browser). Every page it checks goes through
 * axe-core (from its WebJar, injected here) and the Nu HTML Checker.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("rectify.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("rectify.chromedriver", "/usr/bin/chromedriver");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String base;
    private final String axeSource;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> checked = new ArrayList<>();

    Browser(String base) {
        this.base = base;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=zh-CN", "--force-device-scale-factor=1");
        // the language the browser asks for (Accept-Language): Chinese, as most users' browsers
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test classpath: " + AXE);
            }
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the browser tests are skipped on a machine without the two: reported as skipped, not as no tests run. */
    static final String MISSING = "needs Chromium and its driver: /usr/bin/chromium and /usr/bin/chromedriver (apt-get install"
            + " chromium chromium-driver), or -Drectify.chromium and -Drectify.chromedriver";

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Puts a file into a file input, as a person choosing it would. */
    void attach(String id, java.nio.file.Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
    }

    void choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** Clicks a radio, a checkbox: nothing that leaves the page. */
    void click(String css) {
        find(css).click();
    }

    /**
     * Clicks a link or a submit button and waits until the next page has replaced this one (a
     * click does not wait for the navigation it starts, and a busy server answers late).
     */
    void go(String css) {
        WebElement current = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(current));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element's page has been replaced. Chromium reports a node of a replaced document
     * either as stale or, at times, as "does not belong to the document": both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** Waits until an element shows this text: what a page's script writes arrives when its request is answered. */
    void waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }

    /** Sets a value by script, for inputs whose typing depends on the browser's locale (dates). */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    /** What the page says is wrong, for a test's failure message (empty when nothing is). */
    String errorsShown() {
        return all(".error-summary, .field-error").stream().map(WebElement::getText).collect(Collectors.joining(" | "));
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String text(String css) {
        return find(css).getText();
    }

    void signIn(String user, String password) {
        open("/login");
        check("login");
        type("username", user);
        type("password", password);
        go("form button[type=submit]");
    }

    void signOut() {
        go(".account form button");
    }

    /**
     * Checks the page now shown: axe-core finds no serious or critical violation of WCAG 2.1 A/AA,
     * the Nu HTML Checker no error in the HTML the server sent (fetched again with this browser's
     * cookies; a page answering a POST is checked as the browser holds it), and at a phone's
     * {@value #PHONE} px the page does not scroll sideways. Screenshots of the whole page at
     * {@value #DESKTOP} and {@value #PHONE} px go to {@code target/screenshots/<name>-<width>.png}.
     *
     * @return the problems found, empty when the page passes
     */
    List<String> check(String name) {
        return check(name, false);
    }

    /** {@link #check} for a page that answered a POST (a form shown again with its errors). */
    List<String> checkAnswerToPost(String name) {
        return check(name, true);
    }

    private List<String> check(String name, boolean answeredPost) {
        List<String> problems = new ArrayList<>();
        String where = name + " (" + path() + ")";
        axeViolations().forEach(v -> problems.add(where + " axe: " + v));
        HtmlChecker.errors(answeredPost ? "<!DOCTYPE html>\n" + driver.getPageSource() : sentHtml())
                .forEach(e -> problems.add(where + " html: " + e));
        screenshotAt(DESKTOP, name);
        String overflow = overflowAt(PHONE);
        if (!overflow.isEmpty()) {
            problems.add(where + " wider than " + PHONE + " px: " + overflow);
        }
        screenshotAt(PHONE, name);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        checked.add(where);
        return problems;
    }

    List<String> checkedPages() {
        return checked;
    }

    private List<String> axeViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')) })))))
                  .catch(e => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }])));
                """);
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(String.valueOf(result))) {
                String impact = v.path("impact").asText();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    found.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at "
                            + v.path("nodes").toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The HTML the server sends for the current address, fetched with this browser's cookies. */
    private String sentHtml() {
        String url = driver.getCurrentUrl();
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lays the page out {@code width} px wide (Chromium's device metrics, as its device toolbar
     * does: the window itself cannot be made that narrow) and says what sticks out, empty when the
     * document is no wider than the viewport.
     */
    private String overflowAt(int width) {
        viewport(width, 900);
        Object found = driver.executeScript("""
                const w = window.innerWidth, sw = document.documentElement.scrollWidth;
                if (sw <= w) return '';
                const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
                  return false; };
                const wide = [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 0.5 && !scrolls(e)).slice(0, 6)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
                return 'document ' + sw + ' px in a viewport of ' + w + ' px; sticking out: ' + wide.join(', ');
                """);
        return String.valueOf(found);
    }

    /** The whole page (up to 6,000 px long) laid out {@code width} px wide, as name-width.png. */
    private void screenshotAt(int width, String name) {
        viewport(width, 900);
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        viewport(width, Math.min(Math.max(height.intValue(), 600), 6000));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A screenshot of what the window shows, to a file of one's choice (the README's pictures). */
    void screenshotTo(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page now shown as the browser prints it: its print style sheet, on the paper its
     * {@code @page} rule asks for, as PDF bytes (what "print to PDF" saves).
     */
    byte[] printToPdf() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        java.util.Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF",
                java.util.Map.of("preferCSSPageSize", true, "printBackground", true));
        return java.util.Base64.getDecoder().decode((String) pdf.get("data"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
