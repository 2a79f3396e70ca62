"""Admin search without diacritics: "giay bup be" finds "Giày búp bê", as the shop does.

The shop compares core.text.fold() of the query with folded copies of the text that
products store (`search_text`). Producers, villages and lots have no such copies, so the
admin folds their columns in the database with `Fold`, which gives the same result as
fold() for every letter with a diacritic: on SQLite fold() itself runs as an SQL
function; on PostgreSQL TRANSLATE() with a table built from fold(), so both databases
agree with the Python side by construction.

Admin classes mix in `FoldedSearchAdmin` and keep their `search_fields`; every word of the
query must appear in one of them (Django's rule), compared folded. Fields that already hold
folded text (`Product.search_text`) are named in `folded_columns` and compared as they are,
which keeps PostgreSQL's trigram index in use. The autocomplete endpoint searches through
the same method, so the product, village and district pickers ignore diacritics too.
"""

import operator
from functools import reduce

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Func, Q, TextField, Value
from django.db.models.functions import Lower

from core.text import fold, search_terms


def _translate_table():
    """Every Latin letter with a diacritic mapped to what fold() makes of it, and the
    combining marks (text typed in decomposed form) dropped, as fold() drops them."""
    source, target, dropped = [], [], []
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            source.append(char)
            target.append(folded)
    for code in range(0x0300, 0x0370):
        dropped.append(chr(code))
    return "".join(source + dropped), "".join(target)


TRANSLATE_FROM, TRANSLATE_TO = _translate_table()


class Fold(Func):
    """fold() of a text column, computed by the database."""

    arity = 1
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registered on each connection as it is used: cheap, and no connection (the test
        # database's, a new thread's) can miss it.
        connection.ensure_connection()
        connection.connection.create_function("OCOP_FOLD", 1, fold, deterministic=True)
        return super().as_sql(compiler, connection, function="OCOP_FOLD", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        translated = Func(
            *self.get_source_expressions(),
            Value(TRANSLATE_FROM),
            Value(TRANSLATE_TO),
            function="TRANSLATE",
            output_field=TextField(),
        )
        return compiler.compile(Lower(translated))

    def as_sql(self, compiler, connection, **extra_context):
        # Other databases: case only.
        return compiler.compile(Lower(*self.get_source_expressions()))


class FoldedSearchAdmin:
    """Mix into a ModelAdmin: its search_fields are searched without diacritics or case."""

    folded_columns = ()  # search fields that already hold fold()ed text

    def get_search_results(self, request, queryset, search_term):
        search_fields = [str(field) for field in self.get_search_fields(request)]
        _, words = search_terms(search_term)
        if not (search_fields and words):
            return queryset, False
        columns, aliases = [], {}
        for field in search_fields:
            if field in self.folded_columns:
                columns.append(field)
            else:
                alias = "folded_" + field.replace("__", "_")
                aliases[alias] = Fold(field)
                columns.append(alias)
        queryset = queryset.alias(**aliases)
        for word in words:
            queryset = queryset.filter(reduce(operator.or_, (Q(**{f"{column}__contains": word}) for column in columns)))
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, field) for field in search_fields)
        return queryset, may_have_duplicates
