"""Where one document's CPU goes in a batch worker, for ``benchmarks/batch.py``: by stage of
``hexaglot.batch.check_document`` (reading, alignment, rules, report) and by rule
(``StageClock``), and the garbage collector's share (``GcClock``); printed by ``print_stages``."""

from __future__ import annotations

import time


def rules_total(stages: dict[str, float]) -> float:
    return sum(v for k, v in stages.items() if k.startswith("rule ")) + stages.get("rules: other", 0.0)


class StageClock:
    """CPU seconds (``time.process_time``) spent in each stage of ``check_document`` and in each
    rule, measured by wrapping the functions the worker calls: reading the versions
    (``read_versions``), aligning them (``align_documents``), each rule's ``check`` and
    ``check_document`` (every resumption of its generator), and ``begin_document``, ``fold`` and
    ``end_document`` of a rule that folds the pairs as they pass, and the report (rendering and the
    record). What the rules stage spends outside the rules (pairing, document facts, ordering and
    spilling the findings) is the check's total less the rules'. Install it after the worker's
    first document, so that loading rules and glossaries is not counted."""

    def __init__(self, rules) -> None:
        import aligner.align
        import hexaglot.batch
        import qa_rules.run

        self.spent: dict[str, float] = {}
        aligner.align.align_documents = self._timed("alignment", aligner.align.align_documents)
        qa_rules.run.read_versions = self._timed("reading", qa_rules.run.read_versions)
        qa_rules.run.check_alignment = self._timed("check", qa_rules.run.check_alignment)
        hexaglot.batch._render = self._timed("report", hexaglot.batch._render)
        for rule in rules:
            rule.check = self._timed_generator(f"rule {rule.code}", rule.check)
            rule.check_document = self._timed_generator(f"rule {rule.code}", rule.check_document)
            # a rule that folds the pairs as they pass (``qa_rules.base.folds``) works there too
            rule.begin_document = self._timed(f"rule {rule.code}", rule.begin_document)
            rule.fold = self._timed(f"rule {rule.code}", rule.fold)
            rule.end_document = self._timed_generator(f"rule {rule.code}", rule.end_document)

    def _timed(self, stage: str, function):
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[stage] = self.spent.get(stage, 0.0) + time.process_time() - start
        return timed

    def _timed_generator(self, stage: str, function):
        def timed(*args, **kwargs):
            start = time.process_time()
            iterator = iter(function(*args, **kwargs))
            self.spent[stage] = self.spent.get(stage, 0.0) + time.process_time() - start
            while True:
                start = time.process_time()
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    self.spent[stage] = self.spent.get(stage, 0.0) + time.process_time() - start
                yield item
        return timed

    def stages(self) -> dict[str, float]:
        """The stages (``reading``, ``alignment``, ``rules: other``, ``report``) and the rules (``rule NU01``)."""
        found = dict(self.spent)
        rules = sum(v for k, v in found.items() if k.startswith("rule "))
        found["rules: other"] = found.pop("check", 0.0) - rules
        return found


class GcClock:
    """CPU seconds the garbage collector's collections take while it runs (``gc.callbacks``):
    spread over the stages and rules that allocate when a collection starts."""

    def __init__(self) -> None:
        import gc

        self.spent, self._started = 0.0, 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.spent += time.process_time() - self._started

    def stop(self) -> None:
        import gc

        gc.callbacks.remove(self._tick)


def print_stages(stages: dict[str, float], top: int = 8) -> None:
    """The new document's CPU seconds by stage, the rules by family (the letters of their codes)
    and the ``top`` costliest rules."""
    total = stages["total"]
    rules = {k[5:]: v for k, v in stages.items() if k.startswith("rule ")}
    families: dict[str, float] = {}
    for code, spent in rules.items():
        family = code.rstrip("0123456789")
        families[family] = families.get(family, 0.0) + spent
    spent_in_rules = rules_total(stages)

    def share(seconds: float) -> str:
        return f"{seconds:.3f} s ({100 * seconds / total:.0f} %)"

    print(f"  {'':<9} new document by stage (CPU): reading {share(stages.get('reading', 0.0))}, alignment "
          f"{share(stages.get('alignment', 0.0))}, rules {share(spent_in_rules)}, report {share(stages.get('report', 0.0))}, "
          f"unaccounted {share(total - spent_in_rules - sum(stages.get(k, 0.0) for k in ('reading', 'alignment', 'report')))}; "
          f"garbage collection, within those, {share(stages.get('garbage collection', 0.0))}")
    print(f"  {'':<9} rules by family: " + ", ".join(
        f"{family} {share(spent)}" for family, spent in sorted(families.items(), key=lambda kv: -kv[1]))
          + f"; outside the rules (pairs, facts, findings) {share(stages.get('rules: other', 0.0))}")
    print(f"  {'':<9} costliest rules: " + ", ".join(
        f"{code} {share(spent)}" for code, spent in sorted(rules.items(), key=lambda kv: -kv[1])[:top]))
