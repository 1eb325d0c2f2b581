"""The web app end to end: a real `streamlit run` server and Debian's headless Chromium, driven by Selenium.

The browser and its driver come from Debian (`apt-get install chromium chromium-driver`, or
`CIFRA_SETUP_BROWSER=1 bash scripts/setup.sh`); nothing is downloaded. Screenshots and the time from
launch to first answer go to test-artifacts/.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.wait import WebDriverWait

from cifra.settings import REPO_ROOT, Settings
from eval.feedback import review
from agent.feedback_log import FILE_NAME as FEEDBACK_FILE
from eval.score import load_cases

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1800",
)  # fmt: skip
SERVER_START_S = 60
ANSWER_S = 120  # the first question also waits for the database and index to load

CHAT_INPUT = (By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")
CHART = (By.CSS_SELECTOR, "[data-testid='stVegaLiteChart']")
TABLE = (By.CSS_SELECTOR, "[data-testid='stDataFrame']")
RUNNING = (By.CSS_SELECTOR, "[data-testid='stStatusWidget']")


def _require_browser() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    message = "Debian's chromium and chromium-driver are not installed (CIFRA_SETUP_BROWSER=1 bash scripts/setup.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def cifra_env(settings: Settings) -> dict[str, str]:
    """The environment that points the app and the `cifra` command at ``settings``' home, data and database."""
    env = {**os.environ, "CIFRA_HOME": str(settings.home), "CIFRA_DATA_DIR": str(settings.data_dir)}
    env.pop("CIFRA_DATABASE_URL", None)
    if settings.database_url:
        env["CIFRA_DATABASE_URL"] = settings.database_url
    return env


@contextmanager
def streamlit_server(settings: Settings, log_path: Path, port: int) -> Iterator[str]:
    """`streamlit run ui/app.py` on a free loopback port, with the test's database; yields its URL."""
    env = cifra_env(settings)
    command = [sys.executable, "-m", "streamlit", "run", "ui/app.py", "--server.headless=true",
               f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
               "--server.fileWatcherType=none"]  # fmt: skip
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok"
    except httpx.HTTPError:
        return False


@contextmanager
def chromium(profile: Path) -> Iterator[WebDriver]:
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def page_text(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def ask(driver: WebDriver, question: str) -> None:
    box = WebDriverWait(driver, ANSWER_S).until(ready.element_to_be_clickable(CHAT_INPUT))
    box.send_keys(question)
    box.send_keys(Keys.ENTER)


def settle(driver: WebDriver) -> None:
    """Wait for the script run to finish, so a screenshot shows the page at rest."""
    WebDriverWait(driver, ANSWER_S).until(ready.invisibility_of_element_located(RUNNING))
    time.sleep(1)  # charts fade in


def click_text(driver: WebDriver, css: str, text: str) -> None:
    element = next(element for element in driver.find_elements(By.CSS_SELECTOR, css) if text in element.text)
    element.click()


def test_a_citizen_and_an_analyst_in_a_real_browser(built, tmp_path, monkeypatch, free_port):
    _require_browser()
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download a browser or driver
    ARTIFACTS.mkdir(exist_ok=True)
    settings, _ = built
    launched = time.perf_counter()
    with streamlit_server(settings, tmp_path / "streamlit.log", free_port) as url, chromium(tmp_path / "profile") as driver:
        ready_s = time.perf_counter() - launched  # server answering its health check, browser started
        driver.get(url)
        ask(driver, "PIB per cápita de Chile 2020")
        WebDriverWait(driver, ANSWER_S).until(lambda d: "13.118" in page_text(d) or "13.117,99" in page_text(d))
        first_answer_s = time.perf_counter() - launched
        assert "World Bank" in page_text(driver)
        settle(driver)
        driver.save_screenshot(str(ARTIFACTS / "chat-answer.png"))

        ask(driver, "compare unemployment in Chile and Peru since 2015")
        WebDriverWait(driver, ANSWER_S).until(ready.presence_of_element_located(CHART))
        settle(driver)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", driver.find_element(*CHART))
        driver.save_screenshot(str(ARTIFACTS / "chat-chart.png"))

        click_text(driver, "[data-testid='stSidebarNav'] a", "Analista")
        WebDriverWait(driver, ANSWER_S).until(lambda d: "Banco de pruebas SQL" in page_text(d))
        click_text(driver, "[data-testid='stTab']", "Banco de pruebas SQL")
        workbench = WebDriverWait(driver, ANSWER_S).until(  # the tab's content renders after the click
            ready.presence_of_element_located((By.CSS_SELECTOR, "[data-testid='stTextArea'] textarea")))
        assert "SL.UEM.TOTL.ZS" in workbench.get_attribute("value")
        click_text(driver, "button", "Ejecutar")
        WebDriverWait(driver, ANSWER_S).until(ready.presence_of_element_located(TABLE))
        settle(driver)
        assert "22 filas" in page_text(driver)
        driver.save_screenshot(str(ARTIFACTS / "workbench.png"))
    timing = {"server_and_browser_ready_s": round(ready_s, 2), "launch_to_first_answer_s": round(first_answer_s, 2)}
    (ARTIFACTS / "browser-timing.json").write_text(json.dumps(timing))
    print(f"launch to first answer: {first_answer_s:.1f} s (server and browser ready after {ready_s:.1f} s)")


def test_the_app_survives_a_model_crash_with_five_open_sessions(built, tmp_path, monkeypatch, free_port):
    """A question reaches the model (in its own process); the model server is killed; every tab still answers."""
    _require_browser()
    monkeypatch.setenv("SE_OFFLINE", "true")
    monkeypatch.setenv("CIFRA_LLM_TIMEOUT", "90")  # the uncached first call on two busy cores, not the timeout, is tested
    settings, _ = built
    with streamlit_server(settings, tmp_path / "streamlit.log", free_port) as url, chromium(tmp_path / "profile") as driver:
        tabs = []
        for number in range(5):
            if number:
                driver.switch_to.new_window("tab")
            driver.get(url)
            tabs.append(driver.current_window_handle)
        ask(driver, "mortalidad en Chile")  # in the last tab opened; too close to call: answered by the model
        WebDriverWait(driver, ANSWER_S).until(lambda d: "mortalidad" in page_text(d).lower() and "World Bank" in page_text(d))
        settle(driver)
        status = _server_status(settings)
        assert status["state"] == "ready"
        os.kill(status["pid"], 9)

        for number, tab in enumerate(tabs):
            driver.switch_to.window(tab)
            ask(driver, f"población de Chile en {2010 + number}")
            WebDriverWait(driver, ANSWER_S).until(lambda d: f"en {2010 + number}" in page_text(d) and "personas" in page_text(d))
        assert _healthy(url)
        WebDriverWait(driver, ANSWER_S).until(lambda _: _server_status(settings)["pid"] not in (None, status["pid"])
                                              and _server_status(settings)["state"] == "ready")
        driver.switch_to.window(tabs[0])
        ask(driver, "mortalidad en Perú")  # the model again, from the restarted server
        WebDriverWait(driver, ANSWER_S).until(lambda d: "World Bank" in page_text(d))  # this tab had only INE answers
        settle(driver)
        assert "no está disponible en este momento" not in page_text(driver)
        driver.save_screenshot(str(ARTIFACTS / "after-model-crash.png"))
        assert _healthy(url)
        restarted = _server_status(settings)
        assert restarted["pid"] != status["pid"] and restarted["state"] == "ready"


def _server_status(settings: Settings) -> dict:
    """What the model server's owner last wrote: state, URL, pid."""
    return json.loads((settings.home / "model-server" / "server.json").read_text())


# What a reader sees while the model reads a question (ui/labels.py "model_progress"), and a watch that records
# whether it was ever on the page: the line lasts as long as the model call (seconds on a CPU), but a poll
# could still fall between two of its updates, and a DOM observer cannot.
PROGRESS = "Interpretando la pregunta con el modelo…"
WATCH_FOR = """
const phrase = arguments[0];
window.cifraSeen = [];
new MutationObserver(records => {
  for (const record of records) {
    for (const node of [record.target, ...record.addedNodes]) {
      const text = node.textContent || "";
      const at = text.indexOf(phrase);
      if (at >= 0) { window.cifraSeen.push(text.slice(at, at + phrase.length + 8)); return; }
    }
  }
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""
MESSAGE = (By.CSS_SELECTOR, "[data-testid='stChatMessage']")
CONFIRMED_BY = "Ana Pérez (INE)"


@pytest.fixture
def own_home(built, tmp_path) -> Settings:
    """A home of its own (feedback, confirmed readings, model server, eval runs) on the session's database and
    index, so that what this test confirms never changes another test's answers."""
    settings, _ = built
    home = tmp_path / "home"
    home.mkdir()
    (home / "index").symlink_to(settings.index_dir)
    return settings.model_copy(update={"home": home, "database_url": settings.resolved_database_url})


def last_answer(driver: WebDriver) -> WebElement:
    return driver.find_elements(*MESSAGE)[-1]


def figures(driver: WebDriver) -> list[str]:
    """The big figures above the answers, in order."""
    return [heading.text for heading in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage'] h2")]


def wait_until(driver: WebDriver, condition, poll_s: float = 0.5):
    """WebDriverWait that also retries while a rerun replaces the elements it was reading."""
    return WebDriverWait(driver, ANSWER_S, poll_frequency=poll_s, ignored_exceptions=(StaleElementReferenceException,)
                         ).until(condition)  # fmt: skip


def wait_for_figure(driver: WebDriver, figure: str, count: int) -> None:
    """Wait until the chat holds ``count`` figures and the page is at rest; the last figure must be ``figure``."""
    try:
        wait_until(driver, lambda d: len(figures(d)) >= count)
        settle(driver)
    finally:
        assert figures(driver)[count - 1:] == [figure], page_text(driver)


def reading_line(answer: WebElement) -> str:
    """The "Entendí: …" line of an answer."""
    return next(line for line in answer.text.splitlines() if line.startswith("Entendí:"))


def chip(answer: WebElement, label: str) -> WebElement:
    """The button of another reading offered under ``answer``."""
    buttons = answer.find_elements(By.CSS_SELECTOR, "[data-testid='stButton'] button")
    matching = [button for button in buttons if label in button.text]
    assert matching, f"no reading {label!r} among {[button.text for button in buttons]}"
    return matching[0]


def show(driver: WebDriver, element: WebElement, block: str = "center") -> None:
    driver.execute_script(f"arguments[0].scrollIntoView({{block: '{block}'}})", element)
    time.sleep(0.3)


def cifra_command(settings: Settings, *arguments: str) -> subprocess.CompletedProcess:
    """The `cifra` command a person runs, on the app's home; fails the test with its output when it fails."""
    script = Path(sys.executable).with_name("cifra")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cifra.cli"]
    done = subprocess.run([*command, *arguments], cwd=REPO_ROOT, env={**cifra_env(settings), "COLUMNS": "200"},
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, f"cifra {' '.join(arguments)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def test_answers_show_what_they_understood_in_a_real_browser(own_home, tmp_path, monkeypatch, free_port):
    """One reader's session: large figures in words with every digit one click away; the model's progress line
    while it reads a question; a place shared by a comuna and a province corrected with one click; a thumbs-down
    and a chosen reading that a person then promotes (`cifra feedback review` / `promote`) into a golden case that
    `cifra eval run --tag feedback` passes, and that the running app now reads as confirmed."""
    _require_browser()
    monkeypatch.setenv("SE_OFFLINE", "true")
    monkeypatch.setenv("CIFRA_LLM_TIMEOUT", "90")  # the model's first, uncached call on two busy cores
    ARTIFACTS.mkdir(exist_ok=True)
    settings = own_home
    with streamlit_server(settings, tmp_path / "streamlit.log", free_port) as url, chromium(tmp_path / "profile") as driver:
        driver.get(url)

        # The seed conversation: the README's first example, then a count in the millions.
        ask(driver, "PIB per cápita de Chile 2020")
        wait_for_figure(driver, "13.118 US$", 1)
        ask(driver, "población de Chile en 2020")
        wait_for_figure(driver, "19,5 millones de personas", 2)
        popovers = driver.find_elements(By.CSS_SELECTOR, "[data-testid='stPopoverButton']")
        assert len(popovers) == 1  # a figure that is already exact has no "Valor exacto"
        assert "Valor exacto" in popovers[0].text
        popovers[0].click()
        exact = WebDriverWait(driver, 10).until(ready.visibility_of_element_located(
            (By.CSS_SELECTOR, "[data-testid='stPopoverBody']")))  # fmt: skip
        assert exact.text == "19.458.310 personas"
        settle(driver)
        driver.save_screenshot(str(ARTIFACTS / "seed-readable-numbers.png"))
        popovers[0].click()  # closed again

        # A question the rules leave to the model (a gap whose two terms they do not tell apart): the reader is told,
        # with the seconds, until the model's reading is answered.
        (ARTIFACTS / "model-progress.png").unlink(missing_ok=True)  # never an earlier run's picture
        driver.execute_script(WATCH_FOR, PROGRESS)
        ask(driver, "brecha entre exportaciones e importaciones de Chile en 2021")
        try:
            wait_until(driver, lambda d: PROGRESS in page_text(d) or len(figures(d)) >= 3, poll_s=0.1)
        finally:
            if PROGRESS in page_text(driver):
                driver.save_screenshot(str(ARTIFACTS / "model-progress.png"))
        wait_for_figure(driver, "2.208 millones de US$", 3)
        seen = driver.execute_script("return window.cifraSeen")
        assert seen and all(re.fullmatch(rf"{PROGRESS} \d+ s.*", line, re.S) for line in seen), seen
        assert PROGRESS not in page_text(driver)  # gone once the answer is there
        assert reading_line(last_answer(driver)).endswith("(leído con ayuda del modelo).")

        # "Santiago" is a comuna and a province: the rules read the comuna and offer the province.
        ask(driver, "población de Santiago")
        wait_for_figure(driver, "438.856 personas", 4)
        answer = last_answer(driver)
        assert " · Santiago · " in reading_line(answer) and "¿Querías decir?" in answer.text
        province = chip(answer, "Provincia de Santiago")
        show(driver, province)
        driver.save_screenshot(str(ARTIFACTS / "chip-correction-before.png"))
        province.click()
        wait_for_figure(driver, "5,4 millones de personas", 5)
        corrected = last_answer(driver)
        assert reading_line(corrected).startswith("Entendí: Población censada (Censo 2024) · Provincia de Santiago ·")
        assert reading_line(corrected).endswith("(leído como lo elegiste).")
        show(driver, driver.find_elements(*MESSAGE)[-2])
        driver.save_screenshot(str(ARTIFACTS / "chip-correction.png"))

        # A new reader (only a conversation's first question can be promoted): a thumbs-down with a comment, then
        # the reading they meant, INE's unemployment rate → the World Bank's.
        driver.refresh()
        ask(driver, "desempleo en Chile 2023")
        wait_for_figure(driver, "8,6 %", 1)
        answer = last_answer(driver)
        answer.find_element(By.CSS_SELECTOR, "[data-testid='stFeedbackButton'][aria-label='Thumbs down']").click()
        answer.find_element(By.CSS_SELECTOR, "[data-testid='stTextInput'] input").send_keys("quería la del Banco Mundial")
        answer.find_element(By.CSS_SELECTOR, "[data-testid='stFormSubmitButton'] button").click()
        wait_until(driver, lambda d: "¡Gracias por tu opinión!" in last_answer(d).text)
        settle(driver)
        chip(last_answer(driver), "Desempleo, total").click()
        wait_for_figure(driver, "9,0 %", 2)
        assert reading_line(last_answer(driver)).startswith("Entendí: Desempleo, total")
        show(driver, driver.find_elements(*MESSAGE)[-3], block="start")
        driver.save_screenshot(str(ARTIFACTS / "thumbs-down-correction.png"))

        # A person reviews the feedback, confirms the correction, and the golden set gains a passing case.
        items = review(settings.home / FEEDBACK_FILE)
        assert [(item.record.question, item.record.rating, item.record.comment) for item in items] == [
            ("población de Santiago", "down", ""), ("desempleo en Chile 2023", "down", "quería la del Banco Mundial"),
            ("desempleo en Chile 2023", "down", "")]  # fmt: skip
        assert items[0].record.correction.area_codes == ["CL-131"]
        correction = items[2]
        assert correction.record.plan.indicator_code == "CHL.UNEMPLOYMENT.RATE"
        assert correction.record.correction.indicator_code == "SL.UEM.TOTL.ZS"
        listed = cifra_command(settings, "feedback", "review").stdout
        assert "up 0, down 3, with a chosen reading 2" in listed and "quería la del Banco Mundial" in listed
        suite = tmp_path / "questions.yaml"
        shutil.copyfile(REPO_ROOT / "eval" / "questions.yaml", suite)
        before = {case.id for case in load_cases(suite)}
        cifra_command(settings, "feedback", "promote", str(correction.id), "--confirmed-by", CONFIRMED_BY,
                      "--suite", str(suite))  # fmt: skip
        [promoted] = [case for case in load_cases(suite) if case.id not in before]
        assert promoted.tags == ["value", "feedback"] and promoted.turns[0].question == "desempleo en Chile 2023"
        assert promoted.turns[0].expect.values[0].source["confirmed_by"] == CONFIRMED_BY
        cifra_command(settings, "eval", "run", "--suite", str(suite), "--tag", "feedback")
        [run_file] = (settings.home / "eval" / "runs").glob("*/run.json")
        [record] = [record for record in json.loads(run_file.read_text())["records"] if record["case_id"] == promoted.id]
        assert record["passed"], record["reason"]
        assert record["values"][0]["indicator"] == "SL.UEM.TOTL.ZS"

        # The running app learned it: the next reader asking the same question gets the confirmed reading.
        driver.refresh()
        ask(driver, "desempleo en Chile 2023")
        wait_for_figure(driver, "9,0 %", 1)
        assert reading_line(last_answer(driver)).endswith(
            "(leído como lo confirmó una persona a partir de una corrección).")  # fmt: skip
        driver.save_screenshot(str(ARTIFACTS / "confirmed-reading.png"))
