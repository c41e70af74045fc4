"""Fuzz the protocol parser, the Dnr parser and the importer's date/time readers (issue 5).

Run by hand; each target can run on its own so a long run can be split:

    flock /tmp/protokoll-test.lock .venv/bin/python bench/fuzz_parsers.py --inputs 1000000
    .venv/bin/python bench/fuzz_parsers.py --target parse_text --inputs 100000 --seed 3

Two engines feed every target: a seeded mutation fuzzer over real-looking inputs (rendered demo
protocols, the shared corpus when present, typical Dnr and date spellings) and Hypothesis with a
fixed seed (``--hypothesis-share`` of the inputs). A raised NotAProtocol/UnreadableInput is a
handled outcome; any other exception, or an input that takes longer than ``--timeout`` seconds,
is a finding. Findings are minimised and written to ``bench/out/fuzz/``; the run exits non-zero
when there is one. The same ``--seed`` gives the same inputs.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from protokoll.domain.dnr import parse_dnr
from protokoll.importing.extracted import UnreadableInput
from protokoll.importing.parse import parse_text
from protokoll.importing.values import clock_range, count, due_date, find_dates, paragraph_ranges

OUT = Path(__file__).parent / "out" / "fuzz"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Default split of --inputs: the whole-protocol parser is ~1000x slower per input than the rest.
WEIGHTS = {
    "parse_text": 0.10,
    "parse_dnr": 0.40,
    "dates": 0.25,
    "clock_range": 0.10,
    "paragraph_ranges": 0.15,
}


class Hang(Exception):
    """An input ran past the per-input time limit."""


# --------------------------------------------------------------------------- targets


def _dates(text: str) -> object:
    return find_dates(text), due_date(text)


def _counts(text: str) -> object:
    return paragraph_ranges(text), count(text.strip() or None)


TARGETS: dict[str, Callable[[str], object]] = {
    "parse_text": parse_text,
    "parse_dnr": parse_dnr,
    "dates": _dates,
    "clock_range": clock_range,
    "paragraph_ranges": _counts,
}
HANDLED: tuple[type[BaseException], ...] = (UnreadableInput,)  # NotAProtocol is a subclass


# --------------------------------------------------------------------------- seeds

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december", "jan.", "feb.", "sept.", "dec"]  # fmt: skip
TOKENS = [
    "§", "§§", "§ 12", "§ 0", "§ 99999999999999999999", "Dnr", "Dnr:", "Diarienummer", "Justerare",
    "Justeringens plats och tid", "Ordförande", "Sekreterare", "Beslut", "Beslutsunderlag",
    "Ärendebeskrivning", "Reservation", "Omröstning", "Ja", "Nej", "Avstår", "Yrkande",
    "Propositionsordning", "Närvarande", "Ersättare", "Tjänstgörande ersättare", "Beslutande",
    "Övriga närvarande", "Plats och tid", "kl. 13.00–16.30", "kl 08:30-", "Anslag", "Sekretess",
    "Protokoll", "SAMMANTRÄDESPROTOKOLL", "Kommunstyrelsen", "Socialnämnden", "kommun", "Utdragsbestyrkande",
    "Paragrafer", "§§ 1-999999", "ajournering", "jäv", "återremiss", "bordläggning", "uppdrag", "senast",
    "2024-02-30", "31 juni 2023", "0000-00-00", "29 februari 2023", "9999-12-31", "1 maj 1899",
]  # fmt: skip
ODD_CHARS = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u00a0", "\u200b", "\u200e",
    "\u200f", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ud800", "\udfff", "a\u030a", "o\u0308",
    "Ａ", "１２", "٣", "߀", "𝟗", "Ⅻ", "ß", "İ", "ﬁ", "Ǆ", "ÅÄÖ", "åäö", "Ωμέγα", "Москва", "中文",
    "العربية", "עברית", "🙂", "👨‍👩‍👧", "\t", "\r", "\r\n", "\n\n\n", "   ", "\\", "\"", "'", "<script>",
]  # fmt: skip
DNR_SHAPES = [
    "KS {y}/{n}", "Dnr KS {y}/{n:05d}-1.2.3", "AMN {y}/{n:05d}", "KS/{y}:{n}-003", "KFN-{y}-{n}",
    "KU.{y}.{n}", "{y}-{n:05d}", "{y}/{n}", "KS{yy}/{n}", "KS 001-{n}/{y}", "{y}/KS {n:04d}", "{n:02d}/KS",
    "{n}/{yy}", "AMN {n}-", "{n}", "Diarienummer: BUN {y}/{n}.", "ärendenr SN {y}.{n}", "d.nr {y}:{n}",
]  # fmt: skip
DATE_SHAPES = [
    "{y}-{m:02d}-{d:02d}", "{d} {mon} {y}", "den {d}:e {mon} {y}", "senast {d} {mon} {y}",
    "senast {mon} {y}", "till {y}-{m}-{d}", "Tisdag {d} {mon} {y} kl {h}.{mi:02d}-{h2}.{mi2:02d}",
    "kl. {h}:{mi:02d}–{h2}:{mi2:02d}", "kl {h}.{mi:02d}", "Plats och tid: Stadshuset, {d} {mon} {y}, kl {h}.{mi:02d}",
]  # fmt: skip
RANGE_SHAPES = ["{a}", "{a}-{b}", "{a} - {b}", "{a}, {b}", "{a} och {b}", "{a}–{b}, {c}", "{a} till § {b}",
                "{a} samt {b}-{c}", "två", "tolv", "{a},,{b}", "{a}-"]  # fmt: skip


def _protocol_seeds(limit: int) -> list[str]:
    """Rendered demo protocols plus the shared corpus (read where it lies, never copied)."""
    from protokoll.demo import iter_documents
    from protokoll.rendering.text import render_text

    seeds = [render_text(doc) for doc in iter_documents(1, meetings=limit)]
    if CORPUS.is_dir():
        seeds += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.glob("*.txt"))]
    return seeds


def _filled(rng: random.Random, shapes: list[str]) -> str:
    y = rng.choice([rng.randint(1950, 2039), rng.randint(0, 9999), 10 ** rng.randint(4, 30)])
    return rng.choice(shapes).format(
        y=y, yy=rng.randint(0, 99), n=rng.choice([rng.randint(0, 999), rng.randint(0, 10**9), 10**40]),
        m=rng.randint(0, 13), d=rng.randint(0, 32), mon=rng.choice(MONTHS).capitalize() if rng.random() < 0.2
        else rng.choice(MONTHS), h=rng.randint(0, 30), mi=rng.randint(0, 70), h2=rng.randint(0, 30),
        mi2=rng.randint(0, 70), a=rng.choice([rng.randint(0, 400), 10**30]), b=rng.randint(0, 5000),
        c=rng.randint(0, 10**12),
    )  # fmt: skip


# --------------------------------------------------------------------------- mutation


def _lines_op(rng: random.Random, text: str, donors: list[str]) -> str:
    lines = text.split("\n")
    op = rng.randrange(7)
    if op == 0 and len(lines) > 1:  # shuffle a window of lines
        i = rng.randrange(len(lines))
        window = lines[i : i + rng.randint(2, 40)]
        rng.shuffle(window)
        lines[i : i + len(window)] = window
    elif op == 1:  # delete a run of lines
        i = rng.randrange(len(lines))
        del lines[i : i + rng.randint(1, 30)]
    elif op == 2:  # duplicate a run (e.g. a § heading or a whole § repeated)
        i = rng.randrange(len(lines))
        run = lines[i : i + rng.randint(1, 20)]
        lines[i:i] = run * rng.randint(1, 50)
    elif op == 3:  # repeated § headings, also out of order and duplicate numbers
        n = rng.choice([1, 2, 7, 10 ** rng.randint(1, 25)])
        head = rng.choice(["§ {n}", "§{n}", "§ {n} Dnr KS 2024/{n}", "§§ {n}-{m}", "{n} §", "Paragraf {n}"])
        for _ in range(rng.randint(1, 200)):
            lines.insert(rng.randrange(len(lines) + 1), head.format(n=n, m=n + rng.randint(-5, 5)))
    elif op == 4 and donors:  # splice lines from another protocol
        donor = rng.choice(donors).split("\n")
        j = rng.randrange(len(donor))
        lines.insert(rng.randrange(len(lines) + 1), "\n".join(donor[j : j + rng.randint(1, 60)]))
    elif op == 5:  # page breaks in odd places
        for _ in range(rng.randint(1, 10)):
            i = rng.randrange(len(lines))
            lines[i] = lines[i] + "\f" * rng.randint(1, 3)
    else:  # one very long line
        i = rng.randrange(len(lines))
        lines[i] = lines[i] * rng.randint(2, 200)
    return "\n".join(lines)


def _chars_op(rng: random.Random, text: str) -> str:
    op = rng.randrange(9)
    pos = rng.randrange(len(text) + 1)
    if op == 0:  # byte flips through UTF-8, decoded as a lenient reader would
        raw = bytearray(text.encode("utf-8", "surrogatepass"))
        for _ in range(rng.randint(1, 8)):
            if raw:
                raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        return raw.decode(rng.choice(["utf-8", "latin-1", "cp1252"]), "replace")
    if op == 1:  # truncation
        return text[:pos] if rng.random() < 0.5 else text[pos:]
    if op == 2:  # control characters and mixed scripts
        return text[:pos] + "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 6))) + text[pos:]
    if op == 3:  # huge / negative / padded numbers in place of a digit run
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            i = rng.choice(digits)
            return (
                text[:i]
                + rng.choice(["9" * rng.randint(5, 400), "-1", "0" * 30 + "1", "1e308", "٣٣"])
                + text[i + 1 :]
            )
        return text + "9" * rng.randint(1, 50)
    if op == 4:  # protocol keywords in odd places
        return text[:pos] + rng.choice(TOKENS) + text[pos:]
    if op == 5:  # delete a span
        return text[:pos] + text[pos + rng.randint(1, 200) :]
    if op == 6:  # case changes
        end = pos + rng.randint(1, 500)
        return text[:pos] + rng.choice([str.upper, str.lower, str.swapcase])(text[pos:end]) + text[end:]
    if op == 7:  # whitespace changes
        return text.replace(
            rng.choice([" ", "\n", "-", ".", ":"]),
            rng.choice(["", "  ", "\t", "\n", "\u00a0", " - "]),
            rng.randint(1, 50),
        )
    return text[:pos] + "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 20))) + text[pos:]


def mutate(rng: random.Random, text: str, donors: list[str], rounds: int) -> str:
    for _ in range(rounds):
        line_op = rng.random() < 0.35 and "\n" in text
        text = _lines_op(rng, text, donors) if line_op else _chars_op(rng, text)
    return text


def mutation_inputs(target: str, rng: random.Random, protocols: list[str]) -> Iterator[str]:
    """An endless stream of inputs for ``target``; the size cap keeps a single input to seconds."""
    while True:
        if target == "parse_text":
            text = rng.choice(protocols)
            if rng.random() < 0.5:  # a fragment: faster, and the header or a § body alone
                start = rng.randrange(len(text))
                text = text[start : start + rng.randint(20, 5000)]
            out = mutate(rng, text, protocols, rng.choice([1, 1, 2, 3, 5, 10]))
            yield out[:400_000]
            continue
        shapes = {"parse_dnr": DNR_SHAPES, "paragraph_ranges": RANGE_SHAPES}.get(target, DATE_SHAPES)
        r = rng.random()
        if r < 0.15:  # a line of a real protocol
            text = rng.choice(rng.choice(protocols).split("\n"))
        elif r < 0.2:  # random characters
            text = "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 60)))
        else:
            text = _filled(rng, shapes)
        for _ in range(rng.choice([0, 1, 1, 2, 3, 6])):
            text = _chars_op(rng, text)
        yield text[:20_000]


# --------------------------------------------------------------------------- running


@dataclass
class Tally:
    inputs: int = 0
    handled: int = 0
    mutation: int = 0
    hypothesis: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    slowest_len: int = 0
    findings: dict[str, str] = field(default_factory=dict)  # signature → first input
    finding_counts: Counter = field(default_factory=Counter)


def _alarm(_signum, _frame):
    raise Hang()


def run_one(fn: Callable[[str], object], text: str, timeout: float) -> BaseException | None:
    """None when the call returned, a handled error when it raised one; else the exception."""
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        fn(text)
    except HANDLED as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - every other exception is exactly what we hunt
        return exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if "protokoll" in f.filename] or frames
    where = f"{Path(own[-1].filename).name}:{own[-1].lineno}" if own else "?"
    return f"{type(exc).__name__} at {where}"


def minimise(
    fn: Callable[[str], object], text: str, signature: str, timeout: float, budget: int = 3000
) -> str:
    """Delta-debugging over lines, then characters, keeping the same exception signature."""

    def fails(candidate: str) -> bool:
        exc = run_one(fn, candidate, timeout)
        return exc is not None and not isinstance(exc, HANDLED) and _signature(exc) == signature

    for split in (lambda s: s.split("\n"), list):
        joiner = "\n" if split is not list else ""
        parts = split(text)
        chunk = max(1, len(parts) // 2)
        while chunk >= 1 and budget > 0:
            i, removed = 0, False
            while i < len(parts) and budget > 0:
                candidate = parts[:i] + parts[i + chunk :]
                budget -= 1
                if candidate and fails(joiner.join(candidate)):
                    parts, removed = candidate, True
                else:
                    i += chunk
            if not removed:
                chunk //= 2
        text = joiner.join(parts)
    return text


def _record(tally: Tally, fn, text: str, exc: BaseException | None, elapsed: float, engine: str) -> None:
    tally.inputs += 1
    setattr(tally, engine, getattr(tally, engine) + 1)
    tally.seconds += elapsed
    if elapsed > tally.slowest:
        tally.slowest, tally.slowest_len = elapsed, len(text)
    if exc is None:
        return
    if isinstance(exc, HANDLED):
        tally.handled += 1
        return
    sig = _signature(exc)
    tally.finding_counts[sig] += 1
    if sig not in tally.findings:
        tally.findings[sig] = text
        print(f"  finding: {sig} (input of {len(text)} chars)", flush=True)


def fuzz_target(
    name: str, n: int, seed: int, hypothesis_share: float, timeout: float, protocols: list[str]
) -> Tally:
    fn = TARGETS[name]
    tally = Tally()
    rng = random.Random(f"{seed}:{name}")
    n_hyp = int(n * hypothesis_share)
    stream = mutation_inputs(name, rng, protocols)
    report_every = max(1000, n // 10)
    for _ in range(n - n_hyp):
        text = next(stream)
        began = time.perf_counter()
        exc = run_one(fn, text, timeout)
        _record(tally, fn, text, exc, time.perf_counter() - began, "mutation")
        if tally.inputs % report_every == 0:
            print(
                f"  {name}: {tally.inputs:,}/{n:,} inputs, {sum(tally.finding_counts.values())} findings",
                flush=True,
            )
    if n_hyp:
        _hypothesis(name, fn, n_hyp, seed, timeout, tally, protocols)
    return tally


def _hypothesis(name: str, fn, n: int, seed: int, timeout: float, tally: Tally, protocols: list[str]) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from hypothesis import strategies as st

    lines = sorted({ln for p in protocols for ln in p.split("\n") if ln.strip()})[:5000]
    atoms = (
        st.sampled_from(TOKENS + ODD_CHARS + MONTHS)
        | st.text(max_size=30)
        | st.integers(-(10**30), 10**30).map(str)
    )
    if name == "parse_text":
        strategy = st.lists(st.sampled_from(lines) | atoms, max_size=80).map("\n".join)
    else:
        strategy = st.lists(atoms | st.sampled_from(["/", "-", ".", ":", " ", "KS", "§"]), max_size=12).map(
            "".join
        )
        strategy = strategy | st.text(max_size=80)

    # The property never fails: an unhandled exception is recorded and counted, not raised, so
    # Hypothesis keeps generating until max_examples instead of stopping to shrink the first one.
    @hseed(seed)
    @settings(max_examples=n, database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def prop(text: str) -> None:
        began = time.perf_counter()
        exc = run_one(fn, text, timeout)
        _record(tally, fn, text, exc, time.perf_counter() - began, "hypothesis")

    prop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--inputs", type=int, default=1_000_000, help="total inputs (split over targets by weight)"
    )
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="only these (repeatable); "
                    "--inputs then goes to them in proportion to their weights")  # fmt: skip
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hypothesis-share", type=float, default=0.05)
    ap.add_argument(
        "--timeout", type=float, default=10.0, help="seconds per input before it counts as a hang"
    )
    ap.add_argument(
        "--seed-protocols", type=int, default=40, help="demo protocols rendered as mutation seeds"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)

    signal.signal(signal.SIGALRM, _alarm)
    targets = a.target or list(TARGETS)
    total_weight = sum(WEIGHTS[t] for t in targets)
    plan = {t: max(1, round(a.inputs * WEIGHTS[t] / total_weight)) for t in targets}
    protocols = _protocol_seeds(a.seed_protocols)
    print(f"seed {a.seed}; {len(protocols)} seed protocols; plan {plan}", flush=True)

    a.out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    rows, failed = [], False
    for name in targets:
        t0 = time.perf_counter()
        tally = fuzz_target(name, plan[name], a.seed, a.hypothesis_share, a.timeout, protocols)
        wall = time.perf_counter() - t0
        findings = []
        for sig, text in tally.findings.items():
            small = minimise(TARGETS[name], text, sig, a.timeout)
            findings.append({"signature": sig, "count": tally.finding_counts[sig], "input": small})
        failed |= bool(findings)
        row = {
            "target": name, "seed": a.seed, "inputs": tally.inputs, "mutation": tally.mutation,
            "hypothesis": tally.hypothesis, "handled": tally.handled, "unhandled": sum(tally.finding_counts.values()),
            "wall_s": round(wall, 1), "per_s": round(tally.inputs / wall), "slowest_ms": round(1000 * tally.slowest, 1),
            "slowest_len": tally.slowest_len, "findings": findings,
        }  # fmt: skip
        rows.append(row)
        (a.out / f"{name}-seed{a.seed}.json").write_text(json.dumps(row, ensure_ascii=False, indent=1) + "\n")

    head = ("target", "inputs", "mutation", "hypothesis", "handled", "unhandled", "inputs/s", "slowest ms")
    print("\n" + "  ".join(f"{h:>10}" for h in head))
    for r in rows:
        cells = (
            r["target"],
            r["inputs"],
            r["mutation"],
            r["hypothesis"],
            r["handled"],
            r["unhandled"],
            r["per_s"],
        )
        print(
            "  ".join(f"{c:>10,}" if isinstance(c, int) else f"{c:>10}" for c in cells)
            + f"  {r['slowest_ms']:>10}"
        )
        for f in r["findings"]:
            print(f"    {f['signature']} x{f['count']}: {f['input']!r}"[:400])
    total = sum(r["inputs"] for r in rows)
    unhandled = sum(r["unhandled"] for r in rows)
    print(f"total {total:,} inputs; unhandled exceptions: {unhandled}; {time.perf_counter() - began:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
