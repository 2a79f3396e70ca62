"""What each open-data record shows: the API's answers and the bulk files are both made here.

English field names; text a visitor reads in either language (names, units, kinds, labels)
is given in both, as {"vi": ..., "en": ...}, with null where there is no English text (the
site's pages fall back to the Vietnamese; a reuser should know which is which). Absolute
URLs are on SITE_URL, never the request's host, like the QR codes.

Only what the public pages already show, and not all of it: no stock, no orders, no scans,
no email address, nothing about users. A producer's contacts are the business's own
(phone, website, social pages) as its public page shows them.
"""

import functools

from django.conf import settings
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.certificates import CertificateLevel, CertificateStatus, CertificationKind, OcopGroup, ProductSet
from catalogue.models import Certification, Decision, Producer, Product
from showrooms.models import Showroom
from villages.models import Commune, Craft, District, Village

LANGUAGES = ("vi", "en")

BOTH_LANGUAGES_SCHEMA = {
    "type": "object",
    "properties": {"vi": {"type": "string", "nullable": True}, "en": {"type": "string", "nullable": True}},
    "required": ["vi", "en"],
}


def in_both(text):
    """A translatable string (a lazy label) in Vietnamese and English."""
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(text)
    return result


@functools.cache
def choice_in_both(choices, value):
    """The label of a TextChoices/IntegerChoices value in both languages (cached: labels
    never change while the process runs)."""
    return in_both(choices(value).label)


def absolute(url):
    """An absolute URL on SITE_URL for a path (a media URL may already be absolute: S3)."""
    return url if "://" in url else settings.SITE_URL + url


def page_urls(obj):
    """The object's public page in each language (Vietnamese unprefixed, English under /en/)."""
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = absolute(obj.get_absolute_url())
    return urls


@extend_schema_field(BOTH_LANGUAGES_SCHEMA)
class TranslatedField(serializers.Field):
    """A modeltranslation field (name_vi, name_en) as {"vi": ..., "en": ...}."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return {language: getattr(instance, f"{self.source}_{language}") or None for language in LANGUAGES}


@extend_schema_field(BOTH_LANGUAGES_SCHEMA)
class PageUrlField(serializers.Field):
    """The record's public page, in both languages."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return page_urls(instance)


@extend_schema_field(
    {
        "type": "object",
        "properties": {"code": {"type": "string"}, "label": BOTH_LANGUAGES_SCHEMA},
        "required": ["code", "label"],
    }
)
class ChoiceField(serializers.Field):
    """A coded value (an OCOP group, a kind of producer) with its label in both languages."""

    def __init__(self, choices, **kwargs):
        self.choices_class = choices
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        code = self.choices_class(value).value  # a status computed today is a member already
        return {"code": code, "label": choice_in_both(self.choices_class, code)}


# --- Places and crafts (also the lookup lists) -------------------------------------------


class DistrictSerializer(serializers.ModelSerializer):
    kind = ChoiceField(District.Kind)

    class Meta:
        model = District
        fields = ["code", "slug", "name", "kind"]


class CommuneSerializer(serializers.ModelSerializer):
    kind = ChoiceField(Commune.Kind)

    class Meta:
        model = Commune
        fields = ["code", "slug", "name", "kind"]


class CraftSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Craft
        fields = ["slug", "name"]


class DistrictRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["code", "slug", "name"]


class CommuneRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commune
        fields = ["code", "slug", "name"]


class VillageRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Village
        fields = ["slug", "name"]


class ProducerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Producer
        fields = ["slug", "name"]


# --- Records ------------------------------------------------------------------------------


class VillageSerializer(serializers.ModelSerializer):
    district = DistrictRefSerializer()
    commune = CommuneRefSerializer(allow_null=True)
    crafts = CraftSerializer(many=True)
    opening_hours = serializers.CharField(source="opening_hours_osm", help_text="OpenStreetMap opening_hours syntax")
    url = PageUrlField()

    class Meta:
        model = Village
        fields = [
            "id",
            "slug",
            "name",
            "district",
            "commune",
            "crafts",
            "is_recognised",
            "recognised_year",
            "latitude",
            "longitude",
            "opening_hours",
            "url",
            "is_demo",
        ]


class ProducerSerializer(serializers.ModelSerializer):
    kind = ChoiceField(Producer.Kind)
    district = DistrictRefSerializer()
    commune = CommuneRefSerializer(allow_null=True)
    village = VillageRefSerializer(allow_null=True)
    url = PageUrlField()

    class Meta:
        model = Producer
        # Business contacts only, as the producer's public page shows them; no email address
        # (bulk lists of addresses invite spam), nothing about the people behind it.
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "address",
            "district",
            "commune",
            "village",
            "phone",
            "website",
            "facebook_url",
            "zalo_url",
            "tiktok_url",
            "url",
            "is_demo",
        ]


class ShowroomSerializer(serializers.ModelSerializer):
    kind = ChoiceField(Showroom.Kind)
    district = DistrictRefSerializer()
    commune = CommuneRefSerializer(allow_null=True)
    village = VillageRefSerializer(allow_null=True)
    opening_hours = serializers.CharField(source="opening_hours_osm", help_text="OpenStreetMap opening_hours syntax")
    opening_hours_note = TranslatedField(source="opening_hours")
    url = PageUrlField()

    class Meta:
        model = Showroom
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "address",
            "district",
            "commune",
            "village",
            "phone",
            "latitude",
            "longitude",
            "opening_hours",
            "opening_hours_note",
            "url",
            "is_demo",
        ]


class CertificateSerializer(serializers.Serializer):
    """The certificate's status today and the end of its validity. (The decisions and
    certificates behind it get endpoints of their own: opendata/datasets.py.)"""

    status = ChoiceField(CertificateStatus, source="certificate_status")
    valid_until = serializers.DateField(source="certificate_valid_until")


class ProductSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    producer = ProducerRefSerializer()
    district = DistrictRefSerializer(source="producer.district")
    commune = CommuneRefSerializer(source="producer.commune", allow_null=True)
    village = VillageRefSerializer(source="producer.village", allow_null=True)
    craft = CraftSerializer(allow_null=True)
    group = ChoiceField(OcopGroup)
    product_set = ChoiceField(ProductSet)
    certificate = CertificateSerializer(source="*")
    price_vnd = serializers.IntegerField(source="price")
    unit = TranslatedField()
    trace_url = serializers.SerializerMethodField()
    gs1_digital_link = serializers.SerializerMethodField()
    url = PageUrlField()
    image_url = serializers.SerializerMethodField()
    is_demo = serializers.BooleanField(source="producer.is_demo", help_text="Made by the demo loader: not official")

    class Meta:
        model = Product
        fields = [
            "id",
            "slug",
            "name",
            "producer",
            "district",
            "commune",
            "village",
            "craft",
            "group",
            "product_set",
            "stars",
            "potential_five_star",
            "certificate",
            "price_vnd",
            "unit",
            "gtin",
            "trace_url",
            "gs1_digital_link",
            "url",
            "image_url",
            "is_demo",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_trace_url(self, product):
        return absolute(product.get_trace_url())

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_gs1_digital_link(self, product):
        return absolute(product.gs1_path) if product.gtin else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_image_url(self, product):
        image = product.main_image
        return absolute(image.image.url) if image else None


# --- Decisions and certificates -----------------------------------------------------------


class DecisionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["slug", "number", "decided_on"]


class ProductRefSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    trace_url = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = ["slug", "name", "trace_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_trace_url(self, product):
        return absolute(product.get_trace_url())


class IssuerField(TranslatedField):
    """The issuing body in both languages, English as the pages name it (a standard
    issuer's from the glossary when none was entered)."""

    def to_representation(self, decision):
        return {"vi": decision.issuer_vi or decision.issuer or None, "en": decision.issuer_in_english or None}


class DecisionSerializer(serializers.ModelSerializer):
    issuer = IssuerField()
    level = ChoiceField(CertificateLevel)
    valid_until = serializers.DateField(
        source="default_valid_until", help_text="When its certificates end unless one says otherwise"
    )
    products_published = serializers.IntegerField(help_text="How many published products it certified")
    scan_url = serializers.SerializerMethodField()
    url = PageUrlField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "slug",
            "number",
            "decided_on",
            "issuer",
            "level",
            "valid_until",
            "products_published",
            "scan_url",
            "url",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_scan_url(self, decision):
        return absolute(decision.scan.url) if decision.scan else None


class CertificationSerializer(serializers.ModelSerializer):
    """One product's assessment under a decision. `status` is its own on today's date;
    `superseded` says a later certification of the product replaced it."""

    product = ProductRefSerializer()
    producer = ProducerRefSerializer(source="product.producer")
    district = DistrictRefSerializer(source="product.producer.district")
    commune = CommuneRefSerializer(source="product.producer.commune", allow_null=True)
    decision = DecisionRefSerializer()
    kind = ChoiceField(CertificationKind)
    status = ChoiceField(CertificateStatus)
    superseded = serializers.BooleanField(help_text="A later certification of the product replaced this one")
    withdrawn_reason = TranslatedField()

    class Meta:
        model = Certification
        fields = [
            "id",
            "product",
            "producer",
            "district",
            "commune",
            "decision",
            "kind",
            "stars",
            "valid_from",
            "valid_until",
            "status",
            "superseded",
            "withdrawn",
            "withdrawn_on",
            "withdrawn_reason",
        ]
