def main() -> int:
    raise SystemExit("docgen: not built yet")
