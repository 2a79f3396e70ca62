"""The comparison behind the upgrade-path test (tests/deploy/upgrade.py): what it reports
as lost data, and what it lets through. Fast: no database, no subprocess."""

import datetime

from tests.deploy.upgrade import TableRows, compare

PRODUCTS = TableRows(
    ["id", "name", "price"], ["id"], [(1, "Bình gốm", 120_000), (2, "Nón lá", 80_000), (3, "Lụa", 500_000)]
)


def test_an_unchanged_database_or_one_with_new_tables_columns_and_rows_passes():
    grown = {
        "product": TableRows(
            ["id", "name", "price", "gtin"],
            ["id"],
            [row + (None,) for row in PRODUCTS.rows] + [(4, "Chè", 90_000, "08930000000001")],
        ),
        "lot": TableRows(["id"], ["id"], [(1,)]),
    }
    assert compare({"product": PRODUCTS}, {"product": PRODUCTS}) == []
    assert compare({"product": PRODUCTS}, grown) == []


def test_a_missing_table_column_or_row_is_named_with_a_sample():
    after = {"product": TableRows(["id", "name"], ["id"], [(1, "Bình gốm"), (3, "Lụa")])}
    problems = compare({"product": PRODUCTS, "lot": TableRows(["id"], ["id"], [(1,)])}, after)
    assert problems == [
        "table(s) gone after the upgrade: lot",
        "product: column(s) gone after the upgrade: price (their values in 3 row(s) are lost)",
        "product: 1 of 3 row(s) missing after the upgrade, e.g. {id: 2, name: 'Nón lá'}",
    ]


def test_a_changed_value_is_named_by_key_column_and_both_values():
    at = datetime.datetime(2026, 12, 6, 19, 40, tzinfo=datetime.UTC)
    before = {"scan": TableRows(["id", "at"], ["id"], [(1, at)])}
    after = {"scan": TableRows(["id", "at"], ["id"], [(1, at + datetime.timedelta(hours=7))])}
    assert compare(before, after) == [
        "scan: 1 of 1 row(s) changed by the upgrade, e.g. id=1: at: 2026-12-06T19:40:00+00:00 -> 2026-12-07T02:40:00+00:00"
    ]


def test_rows_of_a_table_without_a_primary_key_are_compared_whole():
    before = {"log": TableRows(["a", "b"], [], [(1, "x"), (1, "x"), (2, "y")])}
    after = {"log": TableRows(["a", "b"], [], [(1, "x"), (2, "y")])}
    assert compare(before, after) == ["log: 1 of 3 row(s) missing after the upgrade, e.g. {a: 1, b: 'x'}"]


def test_deliberate_renames_are_followed():
    after = {"catalogue_item": TableRows(["id", "title", "price"], ["id"], PRODUCTS.rows)}
    assert compare({"product": PRODUCTS}, after, {"product": "catalogue_item"}, {("product", "name"): "title"}) == []


def test_a_deliberately_rewritten_column_may_change_but_must_stay_and_the_others_are_still_compared():
    rewritten = {("product", "price")}
    repriced = TableRows(["id", "name", "price"], ["id"], [(1, "Bình gốm", 1), (2, "Nón lá", 2), (3, "Lụa", 3)])
    assert compare({"product": PRODUCTS}, {"product": repriced}, rewritten_columns=rewritten) == []
    renamed = TableRows(["id", "name", "price"], ["id"], [(1, "Bình", 1), (2, "Nón lá", 2), (3, "Lụa", 3)])
    assert compare({"product": PRODUCTS}, {"product": renamed}, rewritten_columns=rewritten) == [
        "product: 1 of 3 row(s) changed by the upgrade, e.g. id=1: name: 'Bình gốm' -> 'Bình'"
    ]
    gone = TableRows(["id", "name"], ["id"], [(1, "Bình gốm"), (2, "Nón lá"), (3, "Lụa")])
    assert compare({"product": PRODUCTS}, {"product": gone}, rewritten_columns=rewritten) == [
        "product: column(s) gone after the upgrade: price (their values in 3 row(s) are lost)"
    ]
