#!/usr/bin/env python3
"""Aftercare's benchmark suite; started by tests/bench/run.sh (see docs/benchmarks.md).

Builds (or takes from the cache) the demo practices, runs every measurement several times with
aftercare_bench (the desktop's own models, repositories and engines) and the aftercare
executable, and writes benchmarks.json and benchmarks.md. Each figure is the median of its
runs, with the spread (min..max over runs) beside it.
"""

import argparse
import csv
import datetime
import json
import os
import platform
import random
import resource
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

SEED = 1
YEARS = 10
REFERENCE = 50000
USERS = {"admin": "admin-demo", "reception": "reception-demo",
         "clinician": "clinician-demo", "manager": "manager-demo"}


def log(text):
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {text}", flush=True)


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, int(-(-fraction * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values):
    """Median and spread of one figure's runs."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": len(values)}


class Suite:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.app = os.path.join(self.build, "app", "aftercare")
        self.bench = os.path.join(self.build, "tests", "bench", "aftercare_bench")
        self.root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        self.cache = os.path.abspath(args.cache)
        os.makedirs(self.cache, exist_ok=True)
        self.pg = urllib.parse.urlparse(args.pg_url) if args.pg_url else None
        self.schema = max(int(name[:4]) for name in os.listdir(
            os.path.join(self.root, "resources", "sql", "sqlite")) if name[:4].isdigit())
        self.smoke = args.smoke
        self.quick = args.quick
        self.results = []
        self.growth = []
        self.practices = {}
        self.created_pg = []
        # Repetitions: runs of each measurement (a run is one process).
        self.reps = 1 if self.smoke else (3 if self.quick else 5)
        self.reference = 300 if self.smoke else REFERENCE
        self.years = 1 if self.smoke else YEARS

    # --- tools -------------------------------------------------------------------------

    def run(self, command, env=None, check=True, timeout=None):
        full_env = dict(os.environ)
        if env:
            full_env.update(env)
        done = subprocess.run(command, capture_output=True, text=True, env=full_env,
                              timeout=timeout)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n"
                               f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
        return done

    def bench_json(self, *arguments):
        done = self.run([self.bench, *arguments])
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        return json.loads(lines[-1])

    def pg_url(self, database):
        p = self.pg
        return f"postgresql://{p.username}:{p.password}@{p.hostname}:{p.port}/{database}"

    def psql(self, database, *arguments, check=True):
        return self.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.pg_url(database),
                         *arguments], check=check)

    def pg_admin(self, sql):
        return self.psql(self.pg.path.lstrip("/") or "postgres", "-At", "-c", sql).stdout.strip()

    # --- practices ---------------------------------------------------------------------

    def key(self, clients, years):
        years = years or self.years
        return f"c{clients}-y{years}-s{SEED}-v{self.schema}"

    def practice(self, backend, clients, years=None):
        years = years or self.years
        """The demo practice's database URL, built once and kept in the cache."""
        key = self.key(clients, years)
        if (backend, key) in self.practices:
            return self.practices[(backend, key)]["url"]
        if backend == "sqlite":
            folder = os.path.join(self.cache, key)
            path = os.path.join(folder, "practice.db")
            meta_path = os.path.join(folder, "practice.json")
            if not os.path.exists(meta_path):
                shutil.rmtree(folder, ignore_errors=True)
                os.makedirs(folder)
                log(f"building the practice {key} on SQLite")
                started = time.monotonic()
                self.run([self.app, "--database", path, "demo", "--clients", str(clients),
                          "--years", str(years), "--seed", str(SEED)])
                with sqlite3.connect(path) as connection:
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                meta = {"built_on": datetime.date.today().isoformat(),
                        "build_seconds": round(time.monotonic() - started, 1)}
                with open(meta_path, "w") as file:
                    json.dump(meta, file)
            with open(meta_path) as file:
                meta = json.load(file)
            meta.update(url=path, path=path, size_mb=round(os.path.getsize(path) / 2**20))
        else:
            # The smoke run's databases are its own (several test runs may share a server).
            name = (f"bench_smoke_{os.getpid()}_" if self.smoke else "bench_") + key.replace(
                "-", "_")
            comment = self.pg_admin(
                f"SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                f"WHERE datname = '{name}'")
            if not comment.startswith("complete"):
                if comment or self.pg_admin(
                        f"SELECT 1 FROM pg_database WHERE datname = '{name}'"):
                    self.pg_admin(f"DROP DATABASE {name}")
                self.pg_admin(f"CREATE DATABASE {name}")
                log(f"building the practice {key} on PostgreSQL")
                started = time.monotonic()
                self.run([self.app, "--database", self.pg_url(name), "demo", "--clients",
                          str(clients), "--years", str(years), "--seed", str(SEED)])
                self.psql(name, "-c", "VACUUM ANALYZE")
                comment = (f"complete built_on={datetime.date.today().isoformat()} "
                           f"build_seconds={time.monotonic() - started:.1f}")
                self.pg_admin(f"COMMENT ON DATABASE {name} IS '{comment}'")
            if self.smoke:
                self.created_pg.append(name)
            fields = dict(item.split("=") for item in comment.split()[1:])
            meta = {"built_on": fields["built_on"], "build_seconds": float(fields["build_seconds"]),
                    "url": self.pg_url(name), "database": name,
                    "size_mb": round(int(self.pg_admin(
                        f"SELECT pg_database_size('{name}')")) / 2**20)}
        meta.update(backend=backend, clients=clients, years=years, seed=SEED)
        self.practices[(backend, key)] = meta
        return meta["url"]

    def meta(self, backend, clients, years=None):
        self.practice(backend, clients, years)
        return self.practices[(backend, self.key(clients, years))]

    # --- results -----------------------------------------------------------------------

    def record(self, item, name, backend, clients, unit, runs, goal=None, better="lower",
               extra=None):
        figure = summary(runs)
        met = None
        if goal is not None:
            met = figure["median"] <= goal if better == "lower" else figure["median"] >= goal
        entry = {"item": item, "name": name, "backend": backend, "clients": clients,
                 "unit": unit, **figure, "goal": goal,
                 "goal_text": None if goal is None else ("≤ " if better == "lower" else "≥ ")
                 + f"{goal:g} {unit}", "met": met}
        if extra:
            entry["detail"] = extra
        self.results.append(entry)
        log(f"{item} {name} [{backend} {clients}]: median {figure['median']:.3f} {unit} "
            f"({figure['min']:.3f}..{figure['max']:.3f}), goal {entry['goal_text']}, met {met}")
        return entry

    # --- 1: cold start -----------------------------------------------------------------

    def cold_start(self, backend, clients):
        url = self.practice(backend, clients)
        bare, text, main, signin, ratios = [], [], [], [], []
        for _ in range(self.reps + (0 if self.smoke else 2)):
            pair = {}
            for kind in ("bare", "bare-text", "main"):
                command = [self.bench, "first-paint", "--database", url]
                if kind != "main":
                    command.append("--" + kind)
                else:
                    command += ["--user", "reception", "--password", USERS["reception"]]
                started = time.monotonic_ns()
                done = self.run(command, timeout=120)
                out = json.loads(done.stdout.strip().splitlines()[-1])
                milliseconds = (out["painted_ns"] - started) / 1e6
                if kind == "main":
                    signin.append(out["signin_ms"])
                    milliseconds -= out["signin_ms"]
                pair[kind] = milliseconds
            bare.append(pair["bare"])
            text.append(pair["bare-text"])
            main.append(pair["main"])
            ratios.append(pair["main"] / pair["bare"])
        self.record("1", "cold start: bare Qt window", backend, clients, "ms", bare)
        self.record("1", "cold start: bare Qt window with one label (fonts loaded)", backend,
                    clients, "ms", text)
        self.record("1", "cold start: main window (sign-in check excluded)", backend, clients,
                    "ms", main, extra={"signin_ms": summary(signin)})
        self.record("1", "cold start ratio main / bare", backend, clients, "×", ratios, goal=1.5)

    # --- 2, 3, 4: interactive paths ----------------------------------------------------

    def distribution(self, item, label, backend, clients, command, goal_p95=None,
                     goal_p50=None, repeat=1):
        url = self.practice(backend, clients)
        p50s, p95s, counts = [], [], []
        for _ in range(self.reps):
            out = self.bench_json(*command, "--database", url, "--repeat", str(repeat))
            samples = out["samples"]
            counts.append(len(samples))
            p50s.append(percentile(samples, 0.50))
            p95s.append(percentile(samples, 0.95))
        extra = {"samples_per_run": counts[0]}
        a = self.record(item, f"{label} p50", backend, clients, "ms", p50s, goal=goal_p50,
                        extra=extra)
        b = self.record(item, f"{label} p95", backend, clients, "ms", p95s, goal=goal_p95,
                        extra=extra)
        return a, b

    def search(self, backend, clients):
        people = "3" if self.smoke else "25"
        return self.distribution("2", "search as you type", backend, clients,
                                 ["search", "--people", people], goal_p95=20)

    def schedule(self, backend, clients):
        today = self.meta(backend, clients)["built_on"]
        day = self.distribution("3", "day view load", backend, clients,
                                ["schedule", "--view", "day", "--date", today, "--days", "20"],
                                goal_p95=20)
        week = self.distribution("3", "week view load (7-day range)", backend, clients,
                                 ["schedule", "--view", "week", "--date", today, "--days", "8"],
                                 goal_p95=20)
        return day, week

    def worklist(self, backend, clients):
        url = self.practice(backend, clients)
        runs = []
        for _ in range(self.reps):
            # First screen of a fresh model, after the connection's first use (the workspace
            # opens on an already open database).
            out = self.bench_json("worklist", "--database", url, "--repeat", "5")
            runs.append(statistics.median(out["samples"]))
        self.record("4", "worklist first screen", backend, clients, "ms", runs, goal=50,
                    extra={"rows": out["rows"]})

    # --- 5: report and dashboard beside the shell --------------------------------------

    def shell_seconds(self, backend, url, script):
        """The statements' own time in the shell: the sum of its per-statement timer (sqlite3's
        `.timer`, psql's `\\timing`), so the shell's start and connection do not count."""
        if backend == "sqlite":
            command = ["sqlite3", "-bail", url]
            prefix = ".output /dev/null\n.timer on\n"
            pattern = re.compile(r"^Run Time: real ([0-9.]+)", re.M)
            scale = 1.0
        else:
            command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-d", url]
            prefix = "\\timing on\n"
            pattern = re.compile(r"^Time: ([0-9.]+) ms", re.M)
            scale = 0.001
        done = subprocess.run(command, input=prefix + script, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"shell failed: {done.stderr[-2000:]}")
        times = pattern.findall(done.stdout)
        if not times:
            raise RuntimeError(f"the shell printed no timings: {done.stdout[-500:]}")
        return sum(float(t) for t in times) * scale

    def report(self, backend, clients, growth_only=False):
        meta = self.meta(backend, clients)
        built = datetime.date.fromisoformat(meta["built_on"])
        month = (built.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        now = f"{built.isoformat()}T12:00:00"
        entries = {}
        tool = "sqlite3" if backend == "sqlite" else "psql"
        for what, goal in (("report", 500 if backend == "sqlite" else 1000), ("dashboard", 1000)):
            script_path = os.path.join(tempfile.gettempdir(), f"aftercare-bench-{what}.sql")
            label = ("month JSON report" if what == "report" else "12-month dashboard data")
            engine, shell, ratios, statements = [], [], [], None
            for run in range(self.reps):
                # A fresh process each run, like `aftercare report` from cron; the first run
                # also writes the statements it ran for the shell.
                capture = not growth_only and run == 0
                out = self.bench_json("report", "--what", what, "--database", meta["url"],
                                      "--month", month, "--now", now, "--repeat", "1",
                                      *(["--sql-out", script_path] if capture else []))
                engine.append(out["samples"][0])
                if capture:
                    statements = out["statements"]
                    with open(script_path) as file:
                        script = file.read()
                    os.unlink(script_path)
                if not growth_only:
                    shell.append(self.shell_seconds(backend, meta["url"], script) * 1000)
                    ratios.append(engine[-1] / shell[-1])
            entries[what] = self.record("5", f"{label} ({month})", backend, clients, "ms",
                                        engine, goal=goal, extra={"statements": statements})
            if growth_only:
                continue
            self.record("5", f"{label}: same statements in {tool}", backend, clients, "ms", shell,
                        extra={"statements": statements})
            self.record("5", f"{label}: engine / {tool} ratio", backend, clients, "×", ratios,
                        goal=1.5)
        return entries

    # --- 6: import ---------------------------------------------------------------------

    def import_csv(self, clients):
        meta = self.meta("sqlite", clients)
        rows = 1000 if self.smoke else 100000
        with sqlite3.connect(meta["path"]) as connection:
            external = [r[0] for r in connection.execute(
                "SELECT external_id FROM clients WHERE external_id IS NOT NULL ORDER BY id")]
            practitioners = [r[0] for r in connection.execute(
                "SELECT name FROM practitioners ORDER BY id")]
            services = [r[0] for r in connection.execute(
                "SELECT name FROM service_types ORDER BY id")]
        generator = random.Random(SEED)
        work = tempfile.mkdtemp(prefix="aftercare-bench-import-")
        try:
            csv_path = os.path.join(work, "appointments.csv")
            first = datetime.datetime(1995, 1, 2, 8, 0)
            with open(csv_path, "w", newline="") as file:
                writer = csv.writer(file)
                writer.writerow(["external_id", "client", "practitioner", "service", "start",
                                 "duration_minutes", "status", "price"])
                for i in range(rows):
                    # History before the practice's own: completed visits block no slot.
                    start = first + datetime.timedelta(days=generator.randrange(3650),
                                                       minutes=15 * generator.randrange(40))
                    writer.writerow([f"BENCH-{i:06d}", generator.choice(external),
                                     generator.choice(practitioners), generator.choice(services),
                                     start.strftime("%Y-%m-%dT%H:%M"), 30, "completed", "60.00"])
            runs, cpu_runs = [], []
            for _ in range(1 if self.smoke else 3):
                copy = os.path.join(work, "practice.db")
                shutil.copyfile(meta["path"], copy)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.monotonic()
                self.run([self.app, "--database", copy, "import", "appointments", csv_path])
                runs.append(rows / (time.monotonic() - started))
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                cpu_runs.append(rows / cpu)
                with sqlite3.connect(copy) as connection:
                    imported = connection.execute(
                        "SELECT count(*) FROM appointments WHERE external_id LIKE 'BENCH-%'"
                    ).fetchone()[0]
                if imported != rows:
                    raise RuntimeError(f"import wrote {imported} of {rows} rows")
                os.unlink(copy)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        self.record("6", f"CSV import of {rows} appointments", "sqlite", clients, "rows/s", runs,
                    goal=20000, better="higher")
        # What the import would reach with a core to itself: rows per second of CPU time.
        self.record("6", f"CSV import of {rows} appointments, per CPU second", "sqlite", clients,
                    "rows/s", cpu_runs)

    # --- 7: memory ---------------------------------------------------------------------

    def memory(self, backend, clients):
        url = self.practice(backend, clients)
        users = ",".join(f"{u}:{USERS[u]}" for u in ("reception", "clinician", "manager", "admin"))
        runs, opened = [], []
        for _ in range(self.reps if not self.smoke else 1):
            out = self.bench_json("open-all", "--database", url, "--users", users,
                                  "--settle", "50" if self.smoke else "300")
            runs.append(out["peak_rss_kb"] / 1024)
            opened = out["opened"]
        self.record("7", "GUI peak RSS after every workspace", backend, clients, "MiB", runs,
                    goal=250, extra={"opened": opened})

    # --- 8: booking concurrency --------------------------------------------------------

    def booking(self, clients):
        meta = self.meta("postgresql", clients)
        copy = meta["database"] + "_booking"
        self.pg_admin(f"DROP DATABASE IF EXISTS {copy}")
        self.pg_admin(f"CREATE DATABASE {copy} TEMPLATE {meta['database']}")
        count = 5 if self.smoke else 150
        rates, p95s, totals = [], [], []
        try:
            built = datetime.date.fromisoformat(meta["built_on"])
            for run in range(self.reps):
                # A week of its own per run, two years ahead: an empty diary to fill.
                first_day = built + datetime.timedelta(days=730 + 7 * run)
                first_day -= datetime.timedelta(days=first_day.weekday())
                workers = [subprocess.Popen(
                    [self.bench, "book", "--database", self.pg_url(copy), "--seed",
                     str(100 * run + w + 1), "--count", str(count), "--first-day",
                     first_day.isoformat(), "--days", "5"],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for w in range(8)]
                outs = []
                for worker in workers:
                    stdout, stderr = worker.communicate(timeout=900)
                    if worker.returncode != 0:
                        raise RuntimeError(f"booking worker failed: {stderr[-2000:]}")
                    outs.append(json.loads(stdout.strip().splitlines()[-1]))
                latencies = [s for out in outs for s in out["samples"]]
                booked = sum(out["booked"] for out in outs)
                seconds = max(out["elapsed_ms"] for out in outs) / 1000
                rates.append(booked / seconds)
                p95s.append(percentile(latencies, 0.95))
                totals.append({"attempts": len(latencies), "booked": booked,
                               "refused": sum(out["refused"] for out in outs),
                               "seconds": round(seconds, 2)})
        finally:
            self.pg_admin(f"DROP DATABASE IF EXISTS {copy}")
        self.record("8", "8 booking processes: bookings/s", "postgresql", clients, "bookings/s",
                    rates, extra={"runs": totals})
        self.record("8", "8 booking processes: p95 latency", "postgresql", clients, "ms", p95s,
                    goal=50, extra={"runs": totals})

    # --- 9: growth ---------------------------------------------------------------------

    def growth_table(self, sizes):
        rows = {}
        for clients in sizes:
            log(f"growth: {clients} clients")
            if clients == self.reference:
                found = {r["name"]: r for r in self.results
                         if r["backend"] == "sqlite" and r["clients"] == clients}
                search = found["search as you type p95"]
                day = found["day view load p95"]
                week = found["week view load (7-day range) p95"]
                report = next(r for n, r in found.items() if n.startswith("month JSON report ("))
            else:
                search = self.search("sqlite", clients)[1]
                day, week = (pair[1] for pair in self.schedule("sqlite", clients))
                report = self.report("sqlite", clients, growth_only=True)["report"]
            rows[clients] = {"search_p95_ms": search["median"], "day_p95_ms": day["median"],
                             "week_p95_ms": week["median"], "report_ms": report["median"],
                             "db_mb": self.meta("sqlite", clients)["size_mb"]}
        smallest = sizes[0]
        for clients in sizes:
            row = rows[clients]
            data = clients / smallest
            row["data_factor"] = data
            row["grows_no_faster_than_data"] = True
            for key in ("search_p95_ms", "day_p95_ms", "week_p95_ms", "report_ms"):
                factor = row[key] / rows[smallest][key]
                row[key.replace("_ms", "_factor")] = factor
                row["grows_no_faster_than_data"] &= factor <= data
            row["clients"] = clients
            self.growth.append(row)

    # --- the whole run -----------------------------------------------------------------

    def machine(self):
        model = ""
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as file:
            memory = int(file.readline().split()[1]) // 1024
        commit = self.run(["git", "-C", self.root, "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = bool(self.run(["git", "-C", self.root, "status", "--porcelain", "--",
                               "core", "ui", "app", "tests", "resources"]).stdout.strip())
        return {"cpu": model, "cores": os.cpu_count(), "memory_mib": memory,
                "kernel": platform.release(), "os": self.os_name(),
                "sqlite": sqlite3.sqlite_version,
                "postgresql": self.pg_admin("SHOW server_version") if self.pg else None,
                "qt_platform": os.environ.get("QT_QPA_PLATFORM") or (
                    "xcb (Xvfb)" if os.environ.get("DISPLAY") else "default"),
                "commit": commit + ("+local changes" if dirty else ""),
                "load_average_start": os.getloadavg()}

    @staticmethod
    def os_name():
        try:
            with open("/etc/os-release") as file:
                for line in file:
                    if line.startswith("PRETTY_NAME="):
                        return line.split("=", 1)[1].strip().strip('"')
        except OSError:
            pass
        return platform.system()

    def go(self):
        started = time.monotonic()
        machine = self.machine()
        reference = self.reference
        sizes = [300] if self.smoke else ([REFERENCE] if self.quick else [5000, REFERENCE, 200000])
        for backend in ("sqlite", "postgresql"):
            self.practice(backend, reference)
        if self.args.prepare:
            for clients in sizes:
                self.practice("sqlite", clients)
            log("practices ready: " + ", ".join(
                f"{m['backend']} {m['clients']} ({m['size_mb']} MB)"
                for m in self.practices.values()))
            return
        for backend in ("sqlite", "postgresql"):
            log(f"measuring on {backend}")
            self.cold_start(backend, reference)
            self.search(backend, reference)
            self.schedule(backend, reference)
            self.worklist(backend, reference)
            self.report(backend, reference)
            self.memory(backend, reference)
        self.import_csv(reference)
        self.booking(reference)
        if not self.quick or self.smoke:
            self.growth_table(sizes)
        machine["load_average_end"] = os.getloadavg()
        document = {
            "suite": "tests/bench/run.sh" + (" --smoke" if self.smoke else
                                               " --quick" if self.quick else ""),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine,
            "shared_machine": self.args.shared,
            "duration_minutes": round((time.monotonic() - started) / 60, 1),
            "practices": [dict(m, url=None if m["backend"] == "postgresql" else m["url"])
                          for m in self.practices.values()],
            "reference_clients": self.reference,
            "results": self.results,
            "growth": self.growth,
        }
        for practice in document["practices"]:
            for local in ("url", "path"):
                practice.pop(local, None)
        os.makedirs(self.args.out_dir, exist_ok=True)
        json_path = os.path.join(self.args.out_dir, "benchmarks.json")
        with open(json_path, "w") as file:
            json.dump(document, file, indent=2, ensure_ascii=False)
            file.write("\n")
        if not self.smoke or self.args.markdown:
            from benchreport import write_markdown
            write_markdown(document, os.path.join(self.args.out_dir, "benchmarks.md"))
        self.check(json_path)

    @staticmethod
    def check(json_path):
        """The smoke test's whole assertion: the JSON is there, parses and has every item."""
        with open(json_path) as file:
            document = json.load(file)
        items = {r["item"] for r in document["results"]}
        missing = {"1", "2", "3", "4", "5", "6", "7", "8"} - items
        if missing or not document["growth"] and "--quick" not in document["suite"]:
            raise RuntimeError(f"benchmarks.json lacks items {sorted(missing)} or the growth")
        for result in document["results"]:
            if not isinstance(result["median"], (int, float)):
                raise RuntimeError(f"no figure for {result['name']}")
        log(f"wrote {json_path}: {len(document['results'])} figures")

    def cleanup(self):
        for name in self.created_pg:
            self.pg_admin(f"DROP DATABASE IF EXISTS {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--pg-url", required=True, help="a role that may CREATE DATABASE")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--prepare", action="store_true", help="only build the practices")
    parser.add_argument("--markdown", action="store_true", help="also write benchmarks.md")
    parser.add_argument("--shared", action="store_true",
                        help="note that other work ran on the machine at the same time")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    suite = Suite(args)
    try:
        suite.go()
    finally:
        suite.cleanup()


if __name__ == "__main__":
    main()
