"""Writes benchmarks.md from the suite's JSON document (bench.py)."""

BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
ITEMS = {
    "1": "Cold start to the first painted main window",
    "2": "Client search as you type",
    "3": "Reception day and week view",
    "4": "Clinician worklist",
    "5": "Month report and 12-month dashboard",
    "6": "CSV import",
    "7": "Memory",
    "8": "Concurrent booking",
}


def number(value, unit):
    if value is None:
        return "–"
    if unit in ("rows/s", "bookings/s"):
        return f"{value:,.0f}"
    if unit == "×":
        return f"{value:.2f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def verdict(met):
    return {True: "met", False: "**not met**", None: ""}[met]


def table(document):
    lines = ["| # | figure | backend | median | spread (min–max) | runs | goal | |",
             "|---|---|---|---:|---:|---:|---|---|"]
    # The growth practices' figures are in the growth table.
    for r in (r for r in document["results"] if r["clients"] == document["reference_clients"]):
        unit = r["unit"]
        lines.append(
            f"| {r['item']} | {r['name']} | {BACKENDS[r['backend']]} | "
            f"{number(r['median'], unit)} {unit} | {number(r['min'], unit)}–"
            f"{number(r['max'], unit)} | {r['runs']} | {r['goal_text'] or ''} | "
            f"{verdict(r['met'])} |")
    return lines


def growth(document):
    rows = document["growth"]
    if not rows:
        return []
    lines = ["| clients | database | search p95 | day p95 | week p95 | month report | "
             "no faster than the data |",
             "|---:|---:|---:|---:|---:|---:|---|"]
    for g in rows:
        lines.append(
            f"| {g['clients']:,} ({g['data_factor']:g}×) | {g['db_mb']:,} MB | "
            f"{number(g['search_p95_ms'], 'ms')} ms ({g['search_p95_factor']:.2f}×) | "
            f"{number(g['day_p95_ms'], 'ms')} ms ({g['day_p95_factor']:.2f}×) | "
            f"{number(g['week_p95_ms'], 'ms')} ms ({g['week_p95_factor']:.2f}×) | "
            f"{number(g['report_ms'], 'ms')} ms ({g['report_factor']:.2f}×) | "
            f"{'met' if g['grows_no_faster_than_data'] else '**not met**'} |")
    return lines


def write_markdown(document, path, notes_path=None):
    machine = document["machine"]
    out = [
        "# Benchmarks",
        "",
        "Measured by `tests/bench/run.sh` (how it works, what each figure means and why a goal",
        "is missed: [benchmarks-notes.md](benchmarks-notes.md)). Generated; do not edit by hand:",
        "run the suite again.",
        "",
        f"- **date**: {document['date']}, suite `{document['suite']}`, "
        f"{document['duration_minutes']} minutes",
        f"- **commit**: {machine['commit']}",
        f"- **machine**: {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['memory_mib']:,} MiB, {machine['os']}, Linux {machine['kernel']}; "
        f"SQLite {machine['sqlite']}, PostgreSQL {machine['postgresql']}; "
        f"Qt platform {machine['qt_platform']}",
        f"- **load average** at the start {', '.join(f'{x:.1f}' for x in machine['load_average_start'])}"
        f", at the end {', '.join(f'{x:.1f}' for x in machine['load_average_end'])}"
        + (" — **the machine was shared**: other builds ran at the same time, so every figure"
           " is noisier and slower than on a quiet machine; compare medians, read the spread."
           if document["shared_machine"] else ""),
        "- **practices**: " + "; ".join(
            f"{p['clients']:,} clients / {p['years']} years / seed {p['seed']} on "
            f"{BACKENDS[p['backend']]} ({p['size_mb']:,} MB, built on {p['built_on']})"
            for p in document["practices"]),
        "",
        "Each figure is the median of its runs (a run is one process); the spread is the",
        "smallest and the largest run. p50 and p95 are taken within a run, over every keystroke",
        "or load of that run.",
        "",
        "## Figures and goals",
        "",
        *table(document),
        "",
    ]
    if document["growth"]:
        out += [
            f"## Growth with the practice (SQLite; {document['reference_clients']:,} clients is the"
            " reference above)",
            "",
            "Each time with its factor against the smallest practice; the data grows by the",
            "clients' factor. A time must not grow faster than the data.",
            "",
            *growth(document),
            "",
        ]
    with open(path, "w") as file:
        file.write("\n".join(out))
