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

from aligner.writers import render as render_alignment

from conftest import SAMPLE_SET, SAMPLES

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
    drafts = [str(SAMPLE_SET / "fr.md")] + [str(SAMPLES / "drafts" / f"{lang}_draft.md") for lang in LANGS[1:]]
    report = check_files(drafts, CheckOptions(default_glossaries=False))
    page = folder / "aligned-drafts.html"
    page.write_text(render_alignment(report.alignment, "html"), encoding="utf-8")
    out["alignment"] = (page, report.alignment)
    profile = folder / "profile"
    profile.mkdir()
    return out, profile


def test_every_finding_of_the_json_report_is_in_the_rendered_dom(reports):
    pages, profile = reports
    for label in ("clean", "planted"):
        page, data = pages[label]
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


def probe(page: Path, profile: Path, script: str, fragment: str = ""):
    """The DOM of ``page`` after ``script`` ran at its end (it leaves what it measured in attributes)."""
    copy = page.with_name(page.stem + "-probe.html")
    head, tail = page.read_text(encoding="utf-8").rsplit("</body>", 1)
    copy.write_text(f"{head}<script>{script}</script></body>{tail}", encoding="utf-8")
    return dump_dom(copy, profile, fragment)


def count_cells(dom, table: str) -> dict[tuple[str, str], int]:
    """The counts of a summary table by (row header, column header)."""
    columns = [th.text_content() for th in dom.xpath(f'//table[@id="{table}"]/thead/tr/th')][1:]
    out = {}
    for tr in dom.xpath(f'//table[@id="{table}"]/tbody/tr'):
        name = tr.xpath("./th")[0].text_content()
        for column, td in zip(columns, tr.xpath("./td")):
            out[name, column] = int(td.text_content())
    return out


def test_the_summary_counts_follow_the_filters_and_each_count_links_to_what_it_counts(reports):
    pages, profile = reports
    page, data = pages["planted"]
    findings = data["findings"]

    def lang(f):
        return (f["target"] or f["source"])["lang"]

    for fragment, keep in (("", lambda f: True), ("#category=references", lambda f: f["category"] == "references")):
        dom = dump_dom(page, profile, fragment)
        kept = [f for f in findings if keep(f)]
        by_severity = count_cells(dom, "by-severity")
        for (row, column), n in by_severity.items():
            assert n == sum(1 for f in kept if row in ("all", lang(f)) and column in ("all", f["severity"])), \
                (fragment, row, column)
        assert by_severity["all", "all"] == len(kept) > 0
        # the category table counts each category whatever the category filter (it is its own dimension)
        by_category = count_cells(dom, "by-category")
        assert by_category["references", "all"] == sum(1 for f in findings if f["category"] == "references")
        assert by_category["all", "all"] == len(findings)
        # the list in document order shows the findings shown, and links each to its row
        listed = [li.get("data-ref") for li in dom.xpath('//*[@data-ref]') if li.get("hidden") is None]
        assert sorted(listed) == sorted(f["id"] for f in kept), fragment
    dom = dump_dom(page, profile)
    for link in dom.xpath('//ol[@class="in-order"]/li/a/@href'):
        assert dom.xpath(f'//*[@id="{link[1:]}"]'), link
    rows = [int(h.split("-")[1]) for h in dom.xpath('//div[@class="group"][h3="en"]//a/@href') if h.startswith("#row-")]
    assert rows == sorted(rows) and len(rows) >= 3  # document order
    links = dom.xpath('//table[@id="by-severity"]//a[@class="n"]') + dom.xpath('//table[@id="by-category"]//a[@class="n"]')
    for link in links[::5]:  # a count's link shows exactly what it counts
        shown = dump_dom(page, profile, link.get("href"))
        assert shown.xpath("//body/@data-visible-findings") == [link.text_content()], link.get("href")


#: Leaves the computed look of every highlight in ``data-marks``: ``on`` or ``off`` (a hidden finding's).
MARK_STYLE = """
var out=[];document.querySelectorAll('mark.hl').forEach(function(m){var c=getComputedStyle(m),p=getComputedStyle(m.parentNode);
  var plain=c.backgroundColor==='rgba(0, 0, 0, 0)'&&c.borderBottomStyle==='none'&&c.fontWeight===p.fontWeight&&c.color===p.color;
  out.push((m.classList.contains('off')?'off':'on')+':'+(plain?'plain':'marked'));});
document.body.setAttribute('data-marks',out.join(' '));
"""


def test_a_hidden_finding_leaves_no_highlight(reports):
    pages, profile = reports
    page, _ = pages["planted"]
    marks = probe(page, profile, MARK_STYLE, "#category=dates").xpath("//body/@data-marks")[0].split()
    assert "on:marked" in marks and "off:plain" in marks
    assert set(marks) == {"on:marked", "off:plain"}


def test_italics_are_rendered(reports):
    pages, profile = reports
    dom = dump_dom(pages["clean"][0], profile)
    italic = [i.text_content() for i in dom.xpath('//td[@lang="fr"]//i')]
    assert "Prie également" in italic  # op.9's first words (docs: README, segment --format json)
    assert len(dom.xpath('//td[@lang="en"]//i')) > 10


#: Leaves in attributes the rendered width of Chinese text in a zh cell's font and of as many
#: characters no font has (U+0378 is unassigned: drawn as the missing-glyph box), whether two
#: Chinese characters are drawn differently, and the cell's font size. Measured with
#: fonts-wqy-zenhei: 54.4 px for four characters at 13.6 px, boxes 32.6 px; without a CJK font
#: both are 20 px and the two characters are drawn alike.
CJK_PROBE = """
var cell=document.querySelector('td[lang="zh"] .text'),family=getComputedStyle(cell).fontFamily;
function width(s){var sp=document.createElement('span');sp.textContent=s;sp.style.position='absolute';
  sp.style.whiteSpace='nowrap';cell.appendChild(sp);
  var w=sp.getBoundingClientRect().width;sp.remove();return w;}
function ink(ch){var c=document.createElement('canvas');c.width=48;c.height=48;var x=c.getContext('2d');
  x.font='40px '+family;x.fillText(ch,2,40);return c.toDataURL();}
document.body.setAttribute('data-zh-width',String(width('\u56fd\u9645\u5408\u4f5c')));
document.body.setAttribute('data-missing-width',String(width('\u0378\u0378\u0378\u0378')));
document.body.setAttribute('data-zh-distinct',String(ink('\u4e2d')!==ink('\u56fd')));
document.body.setAttribute('data-font-size',getComputedStyle(cell).fontSize.replace('px',''));
"""


def test_chinese_is_drawn_with_chinese_glyphs_not_boxes(reports):
    pages, profile = reports
    body = probe(pages["clean"][0], profile, CJK_PROBE).xpath("//body")[0]
    assert body.get("data-zh-distinct") == "true", "中 and 国 are drawn alike: no font has Chinese glyphs " \
        "(install fonts-wqy-zenhei, as the README's test command does)"
    assert body.get("data-zh-width") != body.get("data-missing-width"), dict(body.attrib)
    # a Chinese glyph is one em wide: four of them, four ems
    assert float(body.get("data-zh-width")) == pytest.approx(4 * float(body.get("data-font-size")), rel=0.1)


def test_the_alignment_page_shares_the_reports_look_and_filters(reports):
    pages, profile = reports
    page, alignment = pages["alignment"]
    dom = dump_dom(page, profile)
    assert [th.xpath('string(span[@class="path"])') for th in dom.xpath("//thead/tr/th")[1:]] == \
        [alignment.documents[lang].path for lang in LANGS]
    meta = dom.xpath('//tr[@id="row-1"]/td[@lang="en"]/div[@class="meta"]')[0].text_content()
    assert meta == f"meta.1 · line {alignment.rows[0].cells['en'].lines[0]}"
    low = sum(1 for row in alignment.rows if row.score < 0.5)
    assert 0 < low < len(alignment.rows) and "below 0.5" in dom.xpath('string(//p[@class="legend"])')
    assert dom.xpath("//body/@data-visible-rows") == [str(len(alignment.rows))]
    review = dump_dom(page, profile, "#rows=review&cols=en")
    assert review.xpath("//body/@data-visible-rows") == [str(low)] == review.xpath('//*[@id="visible-rows"]/text()')
    shown = {td.get("data-col") for td in review.xpath("//td[@data-col]") if td.get("hidden") is None}
    assert shown == {"fr", "en"}
