"""How catalogue's models are read: the QuerySet classes its managers are made from
(`Product.objects.on_sale().for_cards()`), one named method per rule or page shape.

models.py imports this module to build the managers, so the models themselves are not
imported here: a queryset reaches a related model through its relation (related_objects()).
"""

import datetime
import functools
import operator

from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.db.models.functions import TruncDate
from django.utils import timezone

from core.text import fold, search_terms
from villages import scoping

from .certificates import CertificateStatus, certificate_in_force, certificate_status_conditions, certified_on

# What a product card shows besides the product: select_related() of for_cards().
CARD_RELATIONS = ("producer__district", "producer__village", "craft")


def related_objects(queryset, relation):
    """The default manager of the model that `relation` of the queryset's model leads to."""
    return queryset.model._meta.get_field(relation).related_model._default_manager


class ProducerQuerySet(models.QuerySet):
    def with_places(self):
        return self.select_related("district", "village", "commune")

    def with_products_on_sale(self):
        """Producers with `products_on_sale`: their certified products, ready for cards."""
        return self.with_places().prefetch_related(
            Prefetch(
                "products",
                queryset=related_objects(self, "products").on_sale().for_cards(),
                to_attr="products_on_sale",
            )
        )

    def with_published_products(self):
        """Producers with at least one published product (whatever its certificate's status):
        those the public register lists (opendata)."""
        products = related_objects(self, "products").published().filter(producer=models.OuterRef("pk"))
        return self.filter(models.Exists(products))

    def for_api(self):
        """A producer as the open-data API and files show it: its district, village and commune."""
        return self.with_places()


class ProductQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_stock(self):
        return self.filter(stock_quantity__gt=0)

    def in_districts(self, districts):
        return scoping.in_districts(self, districts)

    def search(self, query):
        """Accent- and case-insensitive search; products whose name matches come first.

        Every word of the query must appear in the product's folded search text (name,
        producer, village, craft, district). Both sides go through the same fold(), so
        "bat trang", "BÁT TRÀNG" and "Bat Tràng" find the same rows. On PostgreSQL the
        LIKE '%word%' filters use the trigram GIN indexes on the folded columns.
        """
        return self.matching(query).ranked_by_name(query)

    def ranked_by_name(self, query):
        """Order by how well the product's own name matches: whole query, every word, else."""
        folded, words = search_terms(query)
        if not words:
            return self
        return self.annotate(
            name_match=models.Case(
                models.When(search_name__contains=folded, then=models.Value(2)),
                models.When(Q(*(Q(search_name__contains=word) for word in words)), then=models.Value(1)),
                default=models.Value(0),
                output_field=models.IntegerField(),
            )
        ).order_by("-name_match", "-stars", "name", "pk")  # pk: a stable order for paging

    def matching(self, query):
        """The rows search(query) finds, without its ranking (for counts and facets)."""
        matching = self
        for word in search_terms(query)[1]:
            matching = matching.filter(search_text__contains=word)
        return matching

    def related_cards(self, product, limit=6):
        """Up to `limit` other products, ready for cards (a list): same village first (same
        producer when it has no village), then same craft; better-rated first within each.

        Two small indexed queries read the rows themselves (the second only when the village
        has fewer than `limit`), then one query loads the first images of all of them: three
        queries at most. A single query with an OR across the producer and product tables
        made PostgreSQL scan the whole table: 80 ms at 100,000 products, against 2 ms this way.
        """
        candidates = self.exclude(pk=product.pk).order_by("-stars", "name").select_related(*CARD_RELATIONS)
        same_place = (
            Q(producer__village_id=product.producer.village_id)
            if product.producer.village_id
            else Q(producer_id=product.producer_id)
        )
        rows = list(candidates.filter(same_place)[:limit])
        if len(rows) < limit and product.craft_id:
            same_craft = candidates.filter(craft_id=product.craft_id).exclude(pk__in=[row.pk for row in rows])
            rows += list(same_craft[: limit - len(rows)])
        prefetch_related_objects(rows, self._card_images())
        return rows

    # Certificate status as filters, the same rules as Product.certificate_status.
    def certificate_withdrawn(self):
        return self.filter(certificate_status_conditions()[CertificateStatus.WITHDRAWN])

    def certificate_expired(self, today=None):
        return self.filter(certificate_status_conditions(today)[CertificateStatus.EXPIRED])

    def certificate_expiring(self, today=None):
        return self.filter(certificate_status_conditions(today)[CertificateStatus.EXPIRING])

    def certificate_current(self, today=None):
        """Valid or expiring: products that may still carry the OCOP mark today."""
        return self.filter(certificate_in_force(today or timezone.localdate()))

    def certificate_lapsed(self, today=None):
        """Expired or withdrawn: products that may no longer be shown or sold as OCOP."""
        conditions = certificate_status_conditions(today)
        return self.filter(conditions[CertificateStatus.EXPIRED] | conditions[CertificateStatus.WITHDRAWN])

    def certificate_status_in(self, statuses, today=None):
        """Products whose certificate has one of `statuses` (CertificateStatus values) today."""
        conditions = certificate_status_conditions(today)
        return self.filter(functools.reduce(operator.or_, (conditions[status] for status in statuses), Q(pk__in=[])))

    def on_sale(self, today=None):
        """Published with a certificate in force today: what the shop lists, counts and sells.

        Products whose certificate expired or was withdrawn stay published (their pages
        and trace pages say so), but no list, count, sitemap or cart offers them.
        """
        return self.filter(certified_on(today))

    def for_cards(self):
        """What a product card shows: producer, village, district, craft and the first image."""
        return self.select_related(*CARD_RELATIONS).prefetch_related(self._card_images())

    def for_api(self):
        """A product as the open-data API and files show it: the card's rows (producer, its
        district and village, craft, images) and the producer's current commune."""
        return self.for_cards().select_related("producer__commune")

    def _card_images(self):
        return Prefetch("images", queryset=related_objects(self, "images").order_by("position", "id"))

    def for_detail(self):
        """A product page: the card's rows plus lots and their production steps, and how many
        certifications it has (the history is read only when there is one to show)."""
        return (
            self.for_cards()
            .select_related("producer__commune")
            .with_certification_count()
            .prefetch_related(
                Prefetch(
                    "lots",
                    queryset=related_objects(self, "lots").order_by("-produced_on", "-id").prefetch_related("steps"),
                ),
            )
        )

    def with_certification_count(self):
        """`certification_count` on each product, counted inside its own query: most products
        have one certification, which the current certificate block already shows, so the
        history (Product.certification_history, one more query) is read only above one."""
        certifications = related_objects(self, "certifications")
        return self.annotate(
            certification_count=models.Subquery(
                certifications.filter(product=models.OuterRef("pk"))
                .order_by()
                .values("product")
                .annotate(count=models.Count("pk"))
                .values("count")[:1],
                output_field=models.IntegerField(),
            )
        )


class LotQuerySet(models.QuerySet):
    def for_trace(self):
        """A lot on its trace page: its steps in order (their updated_at feeds the ETag)."""
        return self.prefetch_related(
            Prefetch("steps", queryset=related_objects(self, "steps").order_by("done_on", "position", "id"))
        )


class ScanQuerySet(models.QuerySet):
    def since(self, days):
        return self.filter(scanned_at__gte=timezone.now() - datetime.timedelta(days=days))

    def daily_counts(self):
        """One row per product and local day: day, product id and name, total, from_qr.

        Days are in TIME_ZONE (Hanoi), so a scan at 23:30 local time counts on that day.
        """
        return (
            self.annotate(day=TruncDate("scanned_at"))
            .values("day", "product_id", "product__name", "product__trace_code")
            .annotate(
                total=models.Count("id"),
                from_qr=models.Count("id", filter=Q(source=self.model.Source.QR)),
            )
            .order_by("-day", "-total", "product__name")
        )


class DecisionQuerySet(models.QuerySet):
    def matching_number(self, text):
        """Decisions whose number holds `text`, typed with or without diacritics or spaces
        ("1032/QĐ-UBND", "1032 qd ubnd", "1032")."""
        folded = " ".join(fold(text).replace("/", " ").replace("-", " ").split())
        if not folded:
            return self.none()
        condition = Q()
        for part in folded.split():
            condition &= Q(search_number__contains=part)
        return self.filter(condition)

    def with_counts(self):
        """Each decision with how many products it certified."""
        return self.annotate(products_certified=models.Count("certifications"))

    def public(self):
        """Decisions that certified at least one published product (the register, open data),
        each with `products_published`: how many of them are published."""
        published = Q(certifications__product__is_published=True)
        return self.annotate(products_published=models.Count("certifications", filter=published)).filter(
            products_published__gt=0
        )


class CertificationQuerySet(models.QuerySet):
    def with_status(self, status, today=None):
        """Certifications in one CertificateStatus on `today`."""
        return self.with_status_in([status], today)

    def with_status_in(self, statuses, today=None):
        """Certifications in any of `statuses` on `today` (the twin of the products'
        certificate_status_in(), on the certification's own dates)."""
        conditions = certificate_status_conditions(today, withdrawn="withdrawn", valid_until="valid_until")
        chosen = (conditions[CertificateStatus(status)] for status in statuses)
        return self.filter(functools.reduce(operator.or_, chosen, Q(pk__in=[])))

    def public(self):
        """What the public register lists: certifications of published products."""
        return self.filter(product__is_published=True)

    def for_api(self):
        """A certification as the open-data API and files show it: its product, the product's
        producer and places, its decision, and whether a later one replaced it."""
        return self.with_superseded().select_related(
            "decision", "product__producer__district", "product__producer__commune", "product__producer__village"
        )

    def for_register(self):
        """A register row: product, producer, district, commune and the decision."""
        return self.select_related(
            "decision", "product__producer__district", "product__producer__commune", "product__producer__village"
        )

    def history_of(self, product):
        """A product's certifications, oldest first (the history under its current certificate)."""
        return self.filter(product=product).select_related("decision").order_by("valid_from", "id")

    def with_superseded(self):
        """Each certification with `superseded`: a later one of the same product stands (is
        not withdrawn), so this one is no longer the product's current certificate, even if
        its own dates still run (the rule of Product.current_certification(), per row)."""
        later = self.model._default_manager.filter(
            Q(valid_from__gt=models.OuterRef("valid_from"))
            | Q(valid_from=models.OuterRef("valid_from"), pk__gt=models.OuterRef("pk")),
            product=models.OuterRef("product_id"),
            withdrawn=False,
        )
        return self.annotate(superseded=models.Exists(later))
