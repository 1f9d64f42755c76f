"""XLIFF 1.2 (and 1.1, Trados ``.sdlxliff``, memoQ ``.mqxliff``) and XLIFF 2.x.

- 1.x: ``file/body/(group/)trans-unit`` with ``source``, ``target`` and, when the
  tool segmented the unit, ``seg-source`` whose ``mrk mtype="seg"`` are the
  segments (the target's ``mrk`` are matched by ``mid``). A ``seg-source`` whose
  text differs from ``source`` is read from ``seg-source`` with a warning.
- 2.x: ``file/(group/)unit/segment`` with ``source`` and ``target``;
  ``ignorable`` is skipped; ``state`` is the status.
- Statuses: Trados ``sdl:seg-defs/sdl:seg`` (``conf``, ``locked``), memoQ
  ``mq:status`` / ``mq:locked`` on the trans-unit, else the target's ``state``,
  else ``approved`` for ``approved="yes"``.
- ``translate="no"`` (inherited from ``file``/``group``) units are skipped.
- Several ``<file>`` elements are read in order.
"""

from __future__ import annotations

from lxml import etree

from aligner.readers.bilingual import Collected, SegmentRow, unique_codes
from aligner.readers.inline import Flat, flatten, local
from aligner.readers.xmlsafe import quote


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if local(c.tag) == name]


def _child(el: etree._Element, name: str) -> etree._Element | None:
    found = _children(el, name)
    return found[0] if found else None


def _translatable(el: etree._Element) -> bool:
    node = el
    while node is not None:
        value = node.get("translate")
        if value is not None:
            return value.lower() != "no"
        node = node.getparent()
    return True


def _attr_local(el: etree._Element, name: str, ns_hint: str = "") -> str | None:
    """An attribute by local name, optionally only in a namespace containing ``ns_hint``."""
    for key, value in el.attrib.items():
        ns, _, loc = key.rpartition("}")
        if loc == name and (not ns_hint or ns_hint in ns.lower()):
            return value
    return None


def _seg_mrks(el: etree._Element | None) -> list[etree._Element]:
    if el is None:
        return []
    return [m for m in el.iter() if local(m.tag) == "mrk" and m.get("mtype") == "seg"]


def _squash(text: str) -> str:
    return "".join(text.split())


def collect_xliff(root: etree._Element, path: str) -> Collected:
    version = root.get("version", "")
    files = [el for el in root.iter() if local(el.tag) == "file"]
    if version.startswith("2"):
        codes = [root.get("srcLang") or "", root.get("trgLang") or ""]
        collected = Collected(languages=unique_codes([c or "und" for c in codes]))
        for file_el in files:
            _collect_v2(file_el, collected)
        return collected
    collected = Collected(languages=[])
    for index, file_el in enumerate(files, start=1):
        src = file_el.get("source-language") or ""
        tgt = file_el.get("target-language") or _first_target_lang(file_el) or ""
        keys = unique_codes([src or "und", tgt or "und"])
        if not collected.languages:
            collected.languages = keys
            if not tgt:
                collected.warnings.append(f"file {index}: no target language declared; target read as 'und'")
        elif keys != collected.languages:
            collected.warnings.append(
                f"file {index} declares {quote(src)}>{quote(tgt)}; read as {'>'.join(collected.languages)}"
                " like the first file"
            )
        _collect_v1(file_el, collected)
    if not collected.languages:
        collected.languages = ["und", "und-2"]
    return collected


def _first_target_lang(file_el: etree._Element) -> str | None:
    for el in file_el.iter():
        if local(el.tag) == "target":
            lang = el.get("{http://www.w3.org/XML/1998/namespace}lang")
            if lang:
                return lang
    return None


def _collect_v1(file_el: etree._Element, collected: Collected) -> None:
    src_key, tgt_key = collected.languages[0], collected.languages[1]
    for tu in (el for el in file_el.iter() if local(el.tag) == "trans-unit"):
        if not _translatable(tu):
            continue
        source = _child(tu, "source")
        seg_source = _child(tu, "seg-source")
        target = _child(tu, "target")
        statuses = _sdl_statuses(tu)
        unit_status = (_memoq_status(tu) or (target.get("state", "") if target is not None else "")
                       or ("approved" if tu.get("approved") == "yes" else ""))
        src_mrks = _seg_mrks(seg_source)
        if src_mrks:
            if source is not None:
                whole = flatten(source).text
                joined = " ".join(flatten(m).text for m in src_mrks)
                if _squash(whole) != _squash(joined):
                    collected.warnings.append(
                        f"line {seg_source.sourceline}: trans-unit {quote(str(tu.get('id')))}:"
                        " seg-source differs from source;"
                        " segments read from seg-source"
                    )
            tgt_mrks = {m.get("mid"): m for m in _seg_mrks(target)}
            for mrk in src_mrks:
                mid = mrk.get("mid")
                tgt_mrk = tgt_mrks.get(mid)
                cells = {src_key: flatten(mrk), tgt_key: flatten(tgt_mrk) if tgt_mrk is not None else None}
                status = statuses.get(mid, unit_status)
                _add(collected, cells, status, f"{tu.get('id')}#{mid}", tu.sourceline)
        elif source is not None:
            cells = {src_key: flatten(source), tgt_key: flatten(target) if target is not None else None}
            status = statuses.get(None, "") or next(iter(statuses.values()), "") or unit_status
            _add(collected, cells, status, str(tu.get("id")), tu.sourceline)
        else:
            collected.warnings.append(f"line {tu.sourceline}: trans-unit {quote(str(tu.get('id')))} has no <source>;"
                                      " skipped")


def _add(collected: Collected, cells: dict[str, Flat | None], status: str, note: str, line: int | None) -> None:
    source = cells[collected.languages[0]]
    if source is None or not source.text:
        target = cells[collected.languages[1]]
        if target is not None and target.text:  # a translation of nothing: say so rather than drop it
            collected.warnings.append(f"line {line}: segment {quote(note)} has a target but no source text; skipped")
        return  # a unit holding only codes (Trados' paragraph markers) has nothing to check
    collected.rows.append(SegmentRow(cells=cells, status=status, note=note, line=line or 0))


def _sdl_statuses(tu: etree._Element) -> dict[str | None, str]:
    """Trados: ``{mid: "Translated"}`` / ``"ApprovedSignOff, locked"`` from ``sdl:seg-defs``."""
    out: dict[str | None, str] = {}
    for seg in tu.iter():
        if local(seg.tag) != "seg" or "sdl.com" not in (etree.QName(seg).namespace or ""):
            continue
        parts = [seg.get("conf") or "Unspecified"]
        if (seg.get("locked") or "").lower() == "true":
            parts.append("locked")
        out[seg.get("id")] = ", ".join(parts)
    return out


def _memoq_status(tu: etree._Element) -> str:
    """memoQ: ``mq:status`` (``ManuallyConfirmed``, ``Proofread``...) and ``mq:locked``."""
    status = _attr_local(tu, "status", "memoq") or _attr_local(tu, "status", "mqxliff")
    locked = _attr_local(tu, "locked", "memoq") or _attr_local(tu, "locked", "mqxliff")
    parts = [status] if status else []
    if locked and locked.lower() in ("locked", "true", "yes"):
        parts.append("locked")
    return ", ".join(parts)


def _collect_v2(file_el: etree._Element, collected: Collected) -> None:
    src_key, tgt_key = collected.languages[0], collected.languages[1]
    for unit in (el for el in file_el.iter() if local(el.tag) == "unit"):
        if not _translatable(unit):
            continue
        for seg in _children(unit, "segment"):
            source = _child(seg, "source")
            if source is None:
                collected.warnings.append(f"line {seg.sourceline}: segment {quote(str(unit.get('id')))}#"
                                          f"{quote(str(seg.get('id')))} has no <source>; skipped")
                continue
            target = _child(seg, "target")
            cells = {src_key: flatten(source), tgt_key: flatten(target) if target is not None else None}
            status = seg.get("state", "")
            _add(collected, cells, status, f"{unit.get('id')}#{seg.get('id')}", seg.sourceline)
