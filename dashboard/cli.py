"""`slt-dashboard`: build, import, export, fetch-ssb, render-images, report and serve.

Every command that changes data validates first and writes atomically; problems go to
standard error with file, line and column, and the exit code is non-zero.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dashboard import dataformat
from dashboard import dimensions as dims
from dashboard.build import datafiles, vocabfiles, warehouse
from dashboard.build.datafiles import DataError, Problem
from dashboard.settings import Settings
from dashboard.store import Warehouse

EXIT_OK, EXIT_INVALID, EXIT_CONFLICT = 0, 1, 2


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if getattr(args, "data_dir", None):
        settings = replace(settings, data_dir=Path(args.data_dir))
    if getattr(args, "warehouse", None):
        settings = replace(settings, warehouse=Path(args.warehouse))
    return settings


@contextlib.contextmanager
def _built(args: argparse.Namespace) -> Iterator[tuple[Settings, Warehouse]]:
    """The settings of `args` and their warehouse, built first if stale, open read-only.

    Bad data raises DataError, which `main` reports once for every command.
    """
    settings = _settings(args)
    warehouse.ensure_built(settings.data_dir, settings.warehouse_path, _limits(settings))
    store = Warehouse(settings.warehouse_path)
    try:
        yield settings, store
    finally:
        store.close()


def _limits(settings: Settings) -> datafiles.Limits:
    """How much a build reads and reports, from the settings."""
    return datafiles.Limits(settings.max_file_mb * 1024 * 1024, settings.max_problems)


def _print_problems(problems: list[Problem], shown: int = 100, stream=None) -> None:
    """The problems (the first `shown` of them, then how many more), on standard error."""
    stream = stream or sys.stderr
    print(f"error: {len(problems)} problem(s) found; nothing was written.", file=stream)
    for line in datafiles.problem_lines(problems, shown):
        print(f"  {line}", file=stream)


def _os_error(exc: OSError) -> str:
    """An operating-system error in one line: what failed, on which file."""
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _print_report(report: warehouse.BuildReport) -> None:
    print(
        f"built {report.path} from {report.files} files: {report.facts} facts "
        f"({report.missing} missing cells kept as missing) in {report.seconds:.2f} s"
    )
    for note in report.info:
        print(f"  info: {note}")


def cmd_build(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _print_report(warehouse.build(settings.data_dir, settings.warehouse_path, _limits(settings)))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    # Lazy: `build` and `--help` need no pandas export path.
    from dashboard import export

    with _built(args) as (_settings_used, store):
        frame = export.all_facts(store.cursor(), lang=args.lang, codes=args.codes)
    try:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `slt-dashboard export | head`
        sys.stderr.close()
    return EXIT_OK


def _row_text(row: dict) -> str:
    if row["value"] is None:
        return f"missing ({row['status']})"
    value = row["value"]
    return str(int(value)) if float(value).is_integer() else str(value)


def _write_csv(path: Path, rows: list[dict]) -> None:
    columns = [c for c in dataformat.FACT_COLUMNS]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        out = {c: row.get(c) for c in columns}
        if out["value"] is not None:
            out["value"] = _row_text(row)
        writer.writerow({k: "" if v is None else v for k, v in out.items()})
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _earlier_edition(
    source_csv: Path,
    incoming: datafiles.SourceFile,
    existing: datafiles.SourceFile,
    earlier: list[dict],
) -> tuple[Path, Path, list[dict]]:
    """Where `--replace` keeps the values it replaces: a file of the existing edition
    (`NAME.edition-<published>.csv` with the existing sidecar), so both stay in the
    warehouse and the newer is shown. The new edition must be dated later."""
    new_date, old_date = incoming.published, existing.published
    if new_date is None or old_date is None or new_date[0] <= old_date[0]:
        raise DataError(
            [
                Problem(
                    datafiles.sidecar_path(source_csv).name,
                    None,
                    "published",
                    f"--replace makes these values a new edition of {existing.path.name}: its "
                    f"`published` ({incoming.meta.get('published')}) must be later than the "
                    f"existing file's ({existing.meta.get('published')}); the replaced values "
                    "are kept as the earlier edition",
                )
            ]
        )
    stamp = existing.meta["published"]
    archive_csv = existing.path.with_name(f"{existing.path.stem}.edition-{stamp}.csv")
    archive_meta = datafiles.sidecar_path(archive_csv)
    rows = list(earlier)
    if archive_csv.exists():
        kept, problems = datafiles.read_file(archive_csv)
        if problems:
            raise DataError(problems)
        have = {datafiles.identity(r) for r in rows}
        rows = [r for r in kept.rows if datafiles.identity(r) not in have] + rows
    return archive_csv, archive_meta, rows


def import_file(source_csv: Path, settings: Settings, replace_values: bool = False) -> list[str]:
    """Validate `source_csv` (+ sidecar), merge it into the data folder and rebuild.

    Returns messages for the user. Raises DataError for invalid input or conflicts; in
    that case the data folder and the warehouse are exactly as before. The file is checked
    against the data folder's code lists (data/vocab).
    """
    with dims.using(vocabfiles.load(settings.data_dir)):
        return _import_file(Path(source_csv), settings, replace_values)


def _import_file(source_csv: Path, settings: Settings, replace_values: bool) -> list[str]:
    incoming, problems = datafiles.read_file(source_csv, _limits(settings))
    if problems:
        raise DataError(problems)
    data_dir = settings.data_dir
    target = data_dir / source_csv.name
    target_meta = datafiles.sidecar_path(target)
    messages: list[str] = []
    if source_csv.resolve() == target.resolve():
        raise DataError(
            [Problem(source_csv.name, None, None, "is already in the data folder; use build")]
        )

    archive: tuple[Path, Path, list[dict]] | None = None
    if target.exists():
        existing, problems = datafiles.read_file(target, _limits(settings))
        if problems:
            raise DataError(problems)
        index = {datafiles.identity(r): r for r in existing.rows}
        added = unchanged = replaced = 0
        conflicts: list[Problem] = []
        merged = list(existing.rows)
        earlier: list[dict] = []
        for row in incoming.rows:
            key = datafiles.identity(row)
            old = index.get(key)
            if old is None:
                merged.append(row)
                added += 1
            elif (old["value"], old["status"]) == (row["value"], row["status"]):
                unchanged += 1
            elif replace_values:
                merged[merged.index(old)] = row
                earlier.append(old)
                replaced += 1
            else:
                conflicts.append(
                    Problem(
                        source_csv.name,
                        row["line"],
                        "value",
                        f"conflicts with {target.name} line {old['line']}: existing "
                        f"{_row_text(old)}, new {_row_text(row)} "
                        f"({datafiles._describe_key(row)}); use --replace to overwrite",
                    )
                )
        if conflicts:
            raise DataError(conflicts)
        if earlier:
            archive = _earlier_edition(source_csv, incoming, existing, earlier)
        messages.append(
            f"{source_csv.name}: {added} new, {replaced} replaced, {unchanged} unchanged rows"
        )
        if archive is not None:
            messages.append(
                f"the {replaced} replaced value(s) are kept as an earlier edition in "
                f"{archive[0].name}"
            )
        if added == 0 and replaced == 0:
            meta_same = datafiles.sidecar_path(source_csv).read_bytes() == (
                target_meta.read_bytes() if target_meta.exists() else b""
            )
            if meta_same or not replace_values:
                warehouse.ensure_built(data_dir, settings.warehouse_path, _limits(settings))
                messages.append("nothing to change (re-import of the same rows)")
                return messages
        write_rows = merged
    else:
        write_rows = None
        messages.append(f"{source_csv.name}: {len(incoming.rows)} new rows")

    # Stage the new files beside the old ones, swap them in, rebuild; undo on failure.
    staged_csv = data_dir / f".{target.name}.import-tmp"
    staged_meta = data_dir / f".{target_meta.name}.import-tmp"
    staged_pairs = [(staged_csv, target), (staged_meta, target_meta)]
    backups: list[tuple[Path, Path | None]] = []
    try:
        if write_rows is None:
            shutil.copyfile(source_csv, staged_csv)
        else:
            _write_csv(staged_csv, write_rows)
        keep_old_meta = target_meta.exists() and not replace_values
        shutil.copyfile(
            target_meta if keep_old_meta else datafiles.sidecar_path(source_csv), staged_meta
        )
        if archive is not None:
            archive_csv, archive_meta, archive_rows = archive
            staged_archive = data_dir / f".{archive_csv.name}.import-tmp"
            staged_archive_meta = data_dir / f".{archive_meta.name}.import-tmp"
            _write_csv(staged_archive, archive_rows)
            shutil.copyfile(target_meta, staged_archive_meta)
            staged_pairs += [(staged_archive, archive_csv), (staged_archive_meta, archive_meta)]
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=".import-backup-") as backup_dir:
            for staged, final in staged_pairs:
                backup = None
                if final.exists():
                    backup = Path(backup_dir) / final.name
                    shutil.copy2(final, backup)
                backups.append((final, backup))
                staged.replace(final)
            try:
                report = warehouse.build(data_dir, settings.warehouse_path, _limits(settings))
            except Exception:
                for final, backup in backups:
                    if backup is None:
                        final.unlink(missing_ok=True)
                    else:
                        shutil.copy2(backup, final)
                raise
    finally:
        for staged, _final in staged_pairs:
            staged.unlink(missing_ok=True)
    messages.append(
        f"warehouse rebuilt: {report.facts} facts from {report.files} files "
        f"in {report.seconds:.2f} s"
    )
    messages += [f"  info: {note}" for note in report.info]
    return messages


def cmd_import(args: argparse.Namespace) -> int:
    settings = _settings(args)
    try:
        messages = import_file(Path(args.file), settings, replace_values=args.replace)
    except FileNotFoundError as exc:
        print(f"error: {exc.filename}: no such file", file=sys.stderr)
        return EXIT_INVALID
    for message in messages:
        print(message)
    return EXIT_OK


def cmd_fetch_ssb(args: argparse.Namespace) -> int:
    # Lazy: the SSB loader (urllib, JSON-stat) only for fetch-ssb.
    from dashboard.build import ssb

    settings = _settings(args)
    years = [int(y) for y in args.years.split(",")] if args.years else None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            with dims.using(vocabfiles.load(settings.data_dir)):
                csv_path, _meta = ssb.fetch_to_files(
                    args.table, Path(tmp), years, base_url=settings.ssb_api
                )
        except ssb.SSBError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_INVALID
        messages = import_file(csv_path, settings, replace_values=args.replace)
    for message in messages:
        print(message)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    # Lazy: Dash and the web layer only when serving (the CLI starts fast).
    from dashboard.startup import create_app

    settings = _settings(args)
    if args.port:
        settings = replace(settings, port=args.port)
    if args.host:
        settings = replace(settings, host=args.host)
    app = create_app(settings, say=lambda text: print(text, flush=True))
    print(f"SLT-statistikk: http://{settings.host}:{settings.port}/", flush=True)
    from dashboard.web.serving.headers import QuietRequestHandler  # lazy like the app

    app.run(
        host=settings.host,
        port=settings.port,
        debug=settings.debug,
        request_handler=QuietRequestHandler,  # no `Server: Werkzeug/… Python/…` header
    )
    return EXIT_OK


def cmd_render_images(args: argparse.Namespace) -> int:
    # Lazy: the image renderer (kaleido, a browser) only for render-images.
    from dashboard.web.outputs import images

    settings = _settings(args)
    renderer = images.Renderer(timeout=settings.image_timeout)
    if not renderer.available():
        print(
            "error: no Chromium/Chrome found; chart images cannot be drawn on this host "
            "(install chromium, or set BROWSER_PATH). Image URLs answer 503 with the text.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    service = images.ImageService(
        settings.image_cache_path, renderer, settings.image_cache_mb * 1024 * 1024
    )
    kommuner = tuple(args.kommune.split(",")) if args.kommune else None
    started = time.perf_counter()
    with _built(args) as (_settings_used, store):
        drawn, skipped = images.prerender(
            store.cursor(), service, kommuner, progress=(print if args.verbose else None)
        )
    print(
        f"{drawn} images in {service.cache_dir} ({skipped} views without a chart skipped) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    # Lazy: the web layer (Dash, the image renderer) only for the report.
    from dashboard.startup import create_app
    from dashboard.web.outputs import links

    settings = _settings(args)
    if args.site:  # the links in the document: the site's public address (SLT_PUBLIC_URL)
        settings = replace(settings, public_url=args.site.rstrip("/"))
    try:
        app = create_app(settings)
    except DataError as exc:
        _print_problems(exc.problems, settings.max_problems)
        return EXIT_INVALID
    site = settings.site_url
    url = links.wordreport_href(args.kommune, args.aar, args.lang)
    # The same route a browser gets: one code path for checks, sections, images and cache.
    response = app.server.test_client().get(url, base_url=site)
    if response.status_code != 200:
        print(f"error: {response.get_data(as_text=True).strip()}", file=sys.stderr)
        return EXIT_INVALID
    target = Path(args.output) if args.output else Path(_download_name(response))
    target.write_bytes(response.data)
    print(f"{target} ({len(response.data) // 1024} KB)")
    return EXIT_OK


def _download_name(response) -> str:
    """The file name the site gives the download (its `filename*`, UTF-8)."""
    from urllib.parse import unquote

    header = response.headers.get("Content-Disposition", "")
    _, _, encoded = header.partition("filename*=UTF-8''")
    return unquote(encoded) or "utfordringsbildet.docx"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="slt-dashboard", description="SLT-statistikk: statistics warehouse and dashboard."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="data folder (default: SLT_DATA_DIR or ./data)")
    common.add_argument("--warehouse", help="warehouse file (default: <data-dir>/warehouse.duckdb)")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", parents=[common], help="validate data/ and build the warehouse")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("export", parents=[common], help="write every fact as CSV to stdout")
    p.add_argument("--lang", choices=("nb", "en"), default="nb", help="label language")
    p.add_argument("--codes", action="store_true", help="codes instead of readable labels")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", parents=[common], help="add a CSV (+ .meta.yml) to the data")
    p.add_argument("file", help="CSV in the template format (docs/data-format.md)")
    p.add_argument("--replace", action="store_true", help="overwrite conflicting values")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("fetch-ssb", parents=[common], help="fetch a StatBank table and import it")
    p.add_argument("table", help="StatBank table id, e.g. 07459 or 08487")
    p.add_argument("--years", help="comma-separated years, e.g. 2019,2020 (default: all)")
    p.add_argument("--replace", action="store_true", help="overwrite conflicting values")
    p.set_defaults(func=cmd_fetch_ssb)

    p = sub.add_parser(
        "render-images",
        parents=[common],
        help="draw the default view of every chart x kommune into the image cache",
    )
    p.add_argument("--kommune", help="comma-separated kommuner (default: baerum,asker,oslo)")
    p.add_argument("--verbose", action="store_true", help="print each image drawn")
    p.set_defaults(func=cmd_render_images)

    p = sub.add_parser(
        "report",
        parents=[common],
        help="write the chapter 'Utfordringsbildet <kommune> <year>' as a Word document",
    )
    p.add_argument("--kommune", required=True, help="kommune code as in the URLs, e.g. baerum")
    p.add_argument("--aar", default="siste", help="year, or siste (default: siste)")
    p.add_argument("--lang", choices=("nb", "en"), default="nb", help="language")
    p.add_argument("--output", "-o", help="file to write (default: the site's file name)")
    p.add_argument(
        "--site",
        help="the site's public address for links (default: SLT_PUBLIC_URL, else the serve address)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("serve", parents=[common], help="serve the dashboard (development server)")
    p.add_argument("--host", help="address (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8050)")
    p.set_defaults(func=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DataError as exc:  # bad data, from any command: located, nothing written
        _print_problems(exc.problems, _settings(args).max_problems)
        return EXIT_INVALID
    except OSError as exc:  # a read-only or full disk: the data and warehouse are unchanged
        print(f"error: {_os_error(exc)}; nothing was changed.", file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    _ = dt  # keep import for type users
    sys.exit(main())
