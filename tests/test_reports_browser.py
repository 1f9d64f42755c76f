"""The HTML report in a real headless browser (Debian's chromium), offline, from a file URL.

Skips only when /usr/bin/chromium is absent and CI is not set; under CI it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from hexaglot.reports import render
from qa_rules.run import CheckOptions, check_files

from conftest import SAMPLE_SET

CHROMIUM = "/usr/bin/chromium"
LANGS = ("fr", "en", "es", "ru", "zh", "ar")
#: Errors planted in a copy of the sample set, so the filters have something to filter.
PLANTED = (
    ("en.md", "(2022–2027)", "(2022–2028)"),  # numbers: the Global Programme's years (pp.19)
    ("en.md", "74/175", "74/157"),  # references
    ("en.md", "18 December 2019", "18 December 2018"),  # dates
    ("es.md", "2178", "2179"),  # references
    ("ar.md", "2178", "2187"),  # references, Arabic
)


def chromium_or_skip() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {CHROMIUM} is absent: .ci/run must install chromium (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is absent (install Debian's chromium); this test runs whenever CI is set")


def browse(page: Path, profile: Path, fragment: str = "", *extra: str) -> subprocess.CompletedProcess:
    args = [chromium_or_skip(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-proxy-server", f"--user-data-dir={profile}", *extra, page.resolve().as_uri() + fragment]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, cwd=profile)


def dump_dom(page: Path, profile: Path, fragment: str = ""):
    result = browse(page, profile, fragment, "--dump-dom")
    assert result.returncode == 0 and "<body" in result.stdout, result.stderr[-2000:]
    return lxml_html.fromstring(result.stdout)


def visible(dom) -> list[str]:
    return [li.get("data-finding-id") for li in dom.xpath('//*[@data-finding-id]') if li.get("hidden") is None]


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    chromium_or_skip()
    folder = tmp_path_factory.mktemp("browser")
    planted = folder / "set"
    planted.mkdir()
    for lang in LANGS:
        shutil.copy(SAMPLE_SET / f"{lang}.md", planted / f"{lang}.md")
    for name, old, new in PLANTED:
        text = (planted / name).read_text(encoding="utf-8")
        assert old in text, (name, old)
        (planted / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    out = {}
    for label, root in (("clean", SAMPLE_SET), ("planted", planted)):
        report = check_files([str(root / f"{lang}.md") for lang in LANGS], CheckOptions(default_glossaries=False))
        page = folder / f"{label}.html"
        page.write_text(render(report, "html"), encoding="utf-8")
        out[label] = (page, json.loads(render(report, "json")))
    profile = folder / "profile"
    profile.mkdir()
    return out, profile


def test_every_finding_of_the_json_report_is_in_the_rendered_dom(reports):
    pages, profile = reports
    for label, (page, data) in pages.items():
        dom = dump_dom(page, profile)
        ids = [f["id"] for f in data["findings"]]
        assert sorted(visible(dom)) == sorted(ids), label
        assert dom.xpath("//body/@data-visible-findings") == [str(len(ids))]
        assert dom.xpath('//p[@class="signature"]/text()')[0] == f"signature: {data['signature']}"
    planted = pages["planted"][1]["findings"]
    assert {f["category"] for f in planted} >= {"numbers", "references", "dates"}
    assert "ar" in {f["target"]["lang"] for f in planted}


def test_filters_change_what_is_shown(reports):
    pages, profile = reports
    page, data = pages["planted"]
    findings = data["findings"]
    for fragment, wanted in (
        ("#category=numbers", [f for f in findings if f["category"] == "numbers"]),
        ("#category=references&lang=ar", [f for f in findings
                                          if f["category"] == "references" and f["target"]["lang"] == "ar"]),
    ):
        dom = dump_dom(page, profile, fragment)
        assert 0 < len(wanted) < len(findings)
        assert sorted(visible(dom)) == sorted(f["id"] for f in wanted), fragment
        assert dom.xpath("//body/@data-visible-findings") == [str(len(wanted))], fragment
        hidden = [li for li in dom.xpath('//li[@data-finding-id]') if li.get("hidden") is not None]
        assert len(hidden) == len(findings) - len(wanted)


def test_arabic_reads_right_to_left_and_a_screenshot_is_taken(reports):
    pages, profile = reports
    page, _ = pages["planted"]
    dom = dump_dom(page, profile, "#rows=findings")
    rows = dom.xpath('//tr[contains(@class, "row")]')
    assert 0 < len([tr for tr in rows if tr.get("hidden") is None]) < len(rows)  # the row filter
    arabic = dom.xpath('//td[@lang="ar"]')
    assert len(arabic) > 50 and all(td.get("dir") == "rtl" for td in arabic)
    assert all(td.get("dir") is None for td in dom.xpath('//td[@lang="en"]'))
    assert dom.xpath('//th[@lang="ar"]/@dir') == ["rtl"]
    shot = page.parent / "report.png"
    result = browse(page, profile, "#rows=findings", f"--screenshot={shot}", "--window-size=1400,1000")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
