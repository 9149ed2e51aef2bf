package dev.refheap.web;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.trace.TraceLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven by Selenium (its own browser
 * download cannot work here; .ci/run installs chromium and chromium-driver). Runs the seed
 * notebook, steps to `del d1,d2`, checks the orphaned dict cycle (refcount 1 each, held by
 * each other's dict slot), steps into the collection (unreachable, then freed and greyed), reads
 * the holders of a clicked object, and checks a screenshot is not blank.
 */
class HeapPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    private static WebServer server;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "the browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
        server = new WebServer(0, TraceLimits.defaults(), Path.of("examples"));
        profile = Files.createTempDirectory("refheap-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // a 1280x800 viewport, whatever the window's decorations take
        driver.get("about:blank");
        long innerH = (Long) ((ChromeDriver) driver).executeScript("return window.innerHeight;");
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), size.getHeight() + (int) (800 - innerH)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    private WebElement info() { return driver.findElement(By.id("step-info")); }

    /** Presses → until the step info satisfies {@code until}; fails after {@code max} presses. */
    private void forwardUntil(Predicate<WebElement> until, int max, String what) {
        WebElement body = driver.findElement(By.tagName("body"));
        for (int i = 0; i < max; i++) {
            if (until.test(info())) return;
            body.sendKeys(Keys.ARROW_RIGHT);
        }
        fail("never reached " + what + "; at step " + info().getAttribute("data-step") + ": " + info().getText());
    }

    private List<WebElement> dicts() { return driver.findElements(By.cssSelector("g.obj[data-type='dict']")); }

    private WebElement objectBySerial(String serial) {
        return driver.findElement(By.cssSelector("g.obj[data-serial='" + serial + "']"));
    }

    @Test
    void theSeedNotebooksDictCycleIsCollectedStepByStep() throws Exception {
        driver.get(server.url());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> new Select(d.findElement(By.id("example-select"))).getOptions().size() >= 1);
        Select examples = new Select(driver.findElement(By.id("example-select")));
        assertEquals("memory-management.ipynb", examples.getFirstSelectedOption().getText(), "the seed notebook comes first");
        driver.findElement(By.id("load")).click();
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(240)).until(d -> d.findElement(By.id("step-info")).getAttribute("data-step") != null);
        assertEquals("0", info().getAttribute("data-step"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        assertEquals("1", info().getAttribute("data-cell"), "Shift+→ goes cell by cell");
        driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        assertEquals("0", info().getAttribute("data-cell"));

        // the first dict-cycle cell that deletes both names: after it, refcount 1 each, held by the other dict
        forwardUntil(e -> "del d1,d2".equals(e.getAttribute("data-prev-src")), 600, "the step after `del d1,d2`");
        List<WebElement> ds = new ArrayList<>(dicts());
        assertTrue(ds.size() >= 2, "dicts shown: " + ds.size());
        ds.sort(Comparator.comparingInt((WebElement e) -> Integer.parseInt(e.getAttribute("data-serial"))).reversed());
        String s1 = ds.get(0).getAttribute("data-serial"), s2 = ds.get(1).getAttribute("data-serial");
        Set<String> holders = new HashSet<>();
        for (String s : List.of(s1, s2)) {
            WebElement box = objectBySerial(s);
            assertEquals("1", box.getAttribute("data-refcount"), "refcount of dict #" + s);
            assertEquals("live", box.getAttribute("data-state"));
            box.click();
            List<WebElement> hs = driver.findElements(By.cssSelector("#holders li.holder"));
            assertEquals(1, hs.size(), "one holder: " + driver.findElement(By.id("details")).getText());
            holders.add(hs.get(0).getText().replaceAll(" of <dict at 0x[0-9a-f]+>", ""));
            assertTrue(driver.findElement(By.id("details")).getText().contains("sys.getrefcount(obj) would say 2: its own argument adds one"),
                    driver.findElement(By.id("details")).getText());
            assertTrue(driver.findElement(By.id("why")).getText().startsWith("unreachable: only kept by a cycle"), driver.findElement(By.id("why")).getText());
            // the step's refcount change with its instruction and holder: the name deleted
            List<WebElement> changes = driver.findElements(By.cssSelector("#changes li.change"));
            assertEquals(1, changes.size(), driver.findElement(By.id("details")).getText());
            assertTrue(changes.get(0).getText().matches("−1 DELETE_NAME d[12] in <module> line \\d+: global 'd[12]' of module '__main__'"), changes.get(0).getText());
            // its generation: on the box, in the details, and among the generation panel's objects
            String gen = box.getAttribute("data-generation");
            assertTrue(gen.matches("[012]"), "a tracked dict is on a generation list: " + gen);
            assertTrue(driver.findElement(By.id("details")).getText().contains("on the collector's list of generation " + gen));
            assertEquals(1, driver.findElements(By.cssSelector("#gen-panel .gen-objs[data-gen='" + gen + "'] .chip[data-serial='" + s + "']")).size());
        }
        assertEquals(Set.of("dict['d2'] (value)", "dict['d1'] (value)"), holders);
        // the stack area's frame with arrows into the heap; labelled references; shared small ints
        assertFalse(driver.findElements(By.cssSelector("g.frame")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("path.var-ref")).isEmpty(), "arrows from variables");
        List<String> edgeLabels = driver.findElements(By.cssSelector("text.edge")).stream().map(WebElement::getText).toList();
        assertTrue(edgeLabels.contains("['d1']") && edgeLabels.contains("['d2']"), edgeLabels.toString());
        assertFalse(driver.findElements(By.cssSelector("g.obj.shared[data-type='int']")).isEmpty(), "small ints drawn as shared");
        String place = objectBySerial(s1).findElement(By.cssSelector("rect.box")).getAttribute("x") + "," + objectBySerial(s1).findElement(By.cssSelector("rect.box")).getAttribute("y");

        // each collector phase is a step; at subtract_refs the orphaned dicts have gc_refs 0
        forwardUntil(e -> "subtract_refs".equals(e.getAttribute("data-phase")), 800, "the collector's subtract_refs phase");
        assertEquals("gc_refs 0", objectBySerial(s1).findElement(By.cssSelector("text.gcrefs")).getText());
        assertEquals(place, objectBySerial(s1).findElement(By.cssSelector("rect.box")).getAttribute("x") + ","
                + objectBySerial(s1).findElement(By.cssSelector("rect.box")).getAttribute("y"), "a stable layout: the box keeps its place");

        // the collection of the last dict-cycle cell: the orphaned dicts found unreachable, then freed
        forwardUntil(e -> "unreachable".equals(e.getAttribute("data-phase")), 800, "the collector's unreachable phase");
        assertEquals("unreachable", objectBySerial(s1).getAttribute("data-state"));
        assertEquals("unreachable", objectBySerial(s2).getAttribute("data-state"));
        objectBySerial(s1).click();
        assertTrue(driver.findElement(By.id("details")).getText().contains("the collector found it unreachable"));
        assertNotBlankScreenshot();
        forwardUntil(e -> "stop".equals(e.getAttribute("data-phase")), 20, "the end of the collection");
        for (String s : List.of(s1, s2)) {
            WebElement box = objectBySerial(s);
            assertEquals("freed", box.getAttribute("data-state"));
            assertTrue(box.getAttribute("class").contains("freed"), "greyed: " + box.getAttribute("class"));
            assertEquals(2, box.findElements(By.cssSelector("line.cross")).size(), "crossed out");
        }
        objectBySerial(s1).click();
        assertTrue(driver.findElement(By.id("details")).getText().contains("freed at this step"));

        // and back: stepping backwards replays the record
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
        assertEquals("clear", info().getAttribute("data-phase"));
        assertEquals("unreachable", objectBySerial(s1).getAttribute("data-state"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);

    }

    /** A screenshot of the page (kept as target/refheap-page.png) that is not blank. */
    private void assertNotBlankScreenshot() throws Exception {
        ((ChromeDriver) driver).executeScript("document.getElementById('heap-wrap').scrollLeft = 0; document.getElementById('heap-wrap').scrollTop = 0;");
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1280, img.getWidth());
        Set<Integer> colors = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                if (rgb != 0xffffff) nonWhite++;
            }
        }
        assertTrue(colors.size() > 50, "a blank screenshot: " + colors.size() + " colours");
        assertTrue(nonWhite > img.getWidth() * img.getHeight() / 40, "a blank screenshot: " + nonWhite + " non-white samples");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/refheap-page.png"), png);
    }

    private void runExample(String name) {
        driver.get(server.url());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> new Select(d.findElement(By.id("example-select"))).getOptions().size() >= 2);
        new Select(driver.findElement(By.id("example-select"))).selectByVisibleText(name);
        driver.findElement(By.id("load")).click();
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElement(By.id("step-info")).getAttribute("data-step") != null);
    }

    @Test
    void plotsGenerationsAndArenasOverTheSteps() {
        runExample("dict_cycle.py");
        driver.findElement(By.tagName("body")).sendKeys(Keys.END);
        List<String> titles = driver.findElements(By.cssSelector("#plots svg")).stream().map(e -> e.getAttribute("aria-label")).toList();
        assertEquals(List.of("GC count / threshold (%)", "bytes in use", "live objects per type"), titles);
        WebElement gcPlot = driver.findElements(By.cssSelector("#plots svg")).get(0);
        assertEquals(4, gcPlot.findElements(By.tagName("polyline")).size(), "count0, count1, count2 and the 100% line");
        assertFalse(driver.findElements(By.cssSelector("#plots svg")).get(2).findElements(By.tagName("polyline")).isEmpty(), "live objects of some type");
        List<WebElement> gens = driver.findElements(By.cssSelector("#gen-panel .gen"));
        assertEquals(3, gens.size());
        assertTrue(gens.get(0).getText().contains("/ 700"), gens.get(0).getText());
        assertTrue(gens.get(1).getText().contains("/ 10"), gens.get(1).getText());
        List<WebElement> pools = driver.findElements(By.cssSelector("#arenas .pool"));
        assertTrue(pools.size() >= 64, "an arena's pools: " + pools.size());
        assertTrue(pools.stream().anyMatch(p -> p.getAttribute("title").startsWith("used")), "some pools in use");
    }

    @Test
    void usableWithTheKeyboardAndReadableAt1280x800() {
        runExample("dict_cycle.py");
        WebElement body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.END);
        String last = info().getAttribute("data-step");
        body.sendKeys(Keys.HOME);
        assertEquals("0", info().getAttribute("data-step"));
        body.sendKeys(Keys.ARROW_RIGHT);
        assertEquals("1", info().getAttribute("data-step"));
        body.sendKeys(Keys.END);
        assertEquals(last, info().getAttribute("data-step"));
        body.sendKeys(Keys.ARROW_LEFT);
        assertEquals(String.valueOf(Integer.parseInt(last) - 1), info().getAttribute("data-step"));
        // Tab reaches an object box; Enter opens its holders
        WebElement focused = null;
        for (int i = 0; i < 80; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement a = driver.switchTo().activeElement();
            if ("g".equals(a.getTagName()) && a.getAttribute("class").contains("obj")) {
                focused = a;
                break;
            }
        }
        assertNotNull(focused, "Tab never reached an object");
        String serial = focused.getAttribute("data-serial");
        focused.sendKeys(Keys.ENTER);
        assertTrue(driver.findElement(By.cssSelector("#details h3")).getText().contains("#" + serial), driver.findElement(By.id("details")).getText());
        // 1280x800: nothing wider than the window, the controls and the bottom panels on screen
        ChromeDriver c = (ChromeDriver) driver;
        assertEquals(1280L, c.executeScript("return window.innerWidth;"));
        assertEquals(800L, c.executeScript("return window.innerHeight;"));
        assertTrue((Boolean) c.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"), "no horizontal scrolling");
        for (String id : List.of("controls", "step-info", "details", "gen-panel", "plots", "arenas", "run")) {
            Boolean on = (Boolean) c.executeScript("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + "return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1 && r.top >= 0 && r.bottom <= window.innerHeight + 1;", id);
            assertTrue(on, "#" + id + " is on screen at 1280x800");
        }
        Number font = (Number) c.executeScript("return parseFloat(getComputedStyle(document.body).fontSize);");
        assertTrue(font.doubleValue() >= 12, "body text of at least 12 px: " + font);
    }

    @Test
    void aProgramsErrorShowsAsItsPythonTraceback() {
        driver.get(server.url());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !new Select(d.findElement(By.id("example-select"))).getOptions().isEmpty());
        WebElement editor = driver.findElement(By.id("editor"));
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", editor,
                "def f(n):\n    return 10 // n\n\nf(0)\n");
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("step-info")).getAttribute("data-step") != null);
        driver.findElement(By.id("last")).click();
        WebElement err = driver.findElement(By.id("error"));
        assertTrue(err.isDisplayed());
        assertTrue(err.getText().startsWith("Traceback (most recent call last):"), err.getText());
        assertTrue(err.getText().contains("ZeroDivisionError: integer division or modulo by zero"), err.getText());
    }
}
