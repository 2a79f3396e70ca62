def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say at the end of the run why the upgrade-path test was skipped (pytest -q only counts
    skips, and a clone without the baseline commit must not pass unnoticed)."""
    for report in terminalreporter.stats.get("skipped", []):
        if "test_upgrade_path.py" in report.nodeid and isinstance(report.longrepr, tuple):
            reason = report.longrepr[2].removeprefix("Skipped: ")
            terminalreporter.write_line(f"{report.nodeid} skipped: {reason}", yellow=True, bold=True)
